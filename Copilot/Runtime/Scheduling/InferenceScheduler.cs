using System.Diagnostics;
using Collab.Copilot.Runtime.Llama;
using Collab.Copilot.Runtime.Native;
using Microsoft.Extensions.Logging;

namespace Collab.Copilot.Runtime.Scheduling;

/// <summary>
/// Continuous batching over one llama.cpp context: every step decodes one token for each
/// running sequence plus chunks of waiting prompts in a single <c>llama_decode</c> call, and a
/// finished sequence's slot is refilled from the fair queue at the next step. Requests wait
/// in a bounded <see cref="FairQueue{T}"/>; when it is full, <see cref="Submit"/> throws
/// <see cref="ModelBusyException"/> instead of letting callers pile up.
/// </summary>
internal sealed class InferenceScheduler : IDisposable
{
    private readonly LlamaModel _model;
    private readonly SchedulerOptions _options;
    private readonly ILogger _logger;
    private readonly SafeLlamaContextHandle _context;
    private readonly nint _memory;
    private readonly NativeBatch _batch;
    private readonly GenerationRequest?[] _slots;
    private readonly FairQueue<GenerationRequest> _queue;
    private readonly object _gate = new();
    private readonly SemaphoreSlim _wake = new(0);
    private readonly Thread _loop;
    private volatile bool _stopping;
    private long _generatedTokenCount;
    private Native.LlamaTokenData[] _candidates = []; // MaskedSampling's buffer, reused by the loop thread
    private double _averageSeconds = 5; // running estimate of one request's duration, for Retry-After

    public InferenceScheduler(LlamaModel model, SchedulerOptions options, ILogger logger)
    {
        if (options.ContextSize < 16) throw new ArgumentOutOfRangeException(nameof(options), "ContextSize must be at least 16.");
        if (options.ParallelSequences is < 1 or > 256) throw new ArgumentOutOfRangeException(nameof(options), "ParallelSequences must be 1 to 256.");
        if (options.BatchSize < options.ParallelSequences) throw new ArgumentOutOfRangeException(nameof(options), "BatchSize must be at least ParallelSequences.");
        _model = model;
        _options = options;
        _logger = logger;

        var parameters = NativeMethods.llama_context_default_params();
        parameters.ContextSize = checked((uint)(_options.ContextSize * _options.ParallelSequences));
        parameters.MaxSequences = (uint)_options.ParallelSequences;
        parameters.BatchSize = (uint)_options.BatchSize;
        parameters.MicroBatchSize = (uint)_options.BatchSize;
        var threads = _options.Threads > 0 ? _options.Threads : Math.Max(1, Environment.ProcessorCount / 2);
        parameters.Threads = threads;
        parameters.BatchThreads = threads;
        // One KV stream per sequence: each request sees exactly its own tokens, so its result
        // does not depend on what else shares the batch.
        parameters.KvUnified = false;
        _context = NativeMethods.llama_init_from_model(_model.Handle, parameters);
        if (_context.IsInvalid)
        {
            _context.Dispose();
            throw new InvalidOperationException($"llama.cpp could not create a context of {parameters.ContextSize} tokens for '{_model.Path}' (out of memory?).");
        }
        _memory = NativeMethods.llama_get_memory(_context);
        ContextSize = (int)Math.Min(NativeMethods.llama_n_ctx_seq(_context), (uint)_options.ContextSize);
        _batch = new NativeBatch(_options.BatchSize, _model.VocabularySize, _options.ParallelSequences, ContextSize);
        _slots = new GenerationRequest?[_options.ParallelSequences];
        _queue = new FairQueue<GenerationRequest>(_options.QueueCapacity);
        _loop = new Thread(Run) { IsBackground = true, Name = "llama-scheduler" };
        _loop.Start();
    }

    /// <summary>Tokens one sequence may hold.</summary>
    public int ContextSize { get; }

    public LlamaModel Model => _model;

    /// <summary>Tokens sampled since start, all requests together (for tests and metrics).</summary>
    public long GeneratedTokenCount => Interlocked.Read(ref _generatedTokenCount);

    /// <summary>Requests waiting for a free sequence.</summary>
    public int QueuedCount
    {
        get { lock (_gate) return _queue.Count; }
    }

    /// <summary>
    /// Queues a generation. The prompt must leave room for at least one token; the budget is
    /// clipped to what is left of the context window.
    /// </summary>
    public GenerationRequest Submit(int[] prompt, int maxTokens, SamplingSettings sampling, string fairnessKey, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_stopping, this);
        if (prompt.Length == 0) throw new ArgumentException("The prompt has no tokens.", nameof(prompt));
        _model.CheckTokens(prompt);
        if (prompt.Length >= ContextSize) throw new ContextWindowExceededException(prompt.Length, ContextSize);
        if (maxTokens < 1) throw new ArgumentOutOfRangeException(nameof(maxTokens), maxTokens, "At least one token must be allowed.");
        cancellationToken.ThrowIfCancellationRequested();

        var request = new GenerationRequest(prompt, Math.Min(maxTokens, ContextSize - prompt.Length),
            SamplerChainFactory.Create(_model, sampling), fairnessKey,
            sampling.Grammar is null ? null : new Utf8TokenFilter(_model.TokenBytes));
        lock (_gate)
        {
            if (!_queue.TryEnqueue(fairnessKey, request))
            {
                request.Fail(new ModelBusyException(RetryAfter()));
                throw new ModelBusyException(RetryAfter());
            }
        }
        request.Attach(cancellationToken, Wake);
        Wake();
        return request;
    }

    /// <summary>Ends a generation early (the caller has what it needs, e.g. a stop sequence matched).</summary>
    public void Stop(GenerationRequest request)
    {
        request.MarkCancelled();
        Wake();
    }

    private TimeSpan RetryAfter()
    {
        var waves = (_queue.Count + _options.ParallelSequences) / (double)_options.ParallelSequences;
        return TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling(_averageSeconds * waves)));
    }

    private void Wake()
    {
        if (_wake.CurrentCount == 0) _wake.Release();
    }

    private void Run()
    {
        while (!_stopping)
        {
            try
            {
                Admit();
                DropCancelled();
                if (!FillBatch())
                {
                    _wake.Wait(TimeSpan.FromSeconds(1));
                    continue;
                }
                var result = NativeMethods.llama_decode(_context, _batch.Native);
                if (result != 0) FailBatch(result);
                else SampleOutputs();
            }
            catch (Exception e) when (!_stopping)
            {
                _logger.LogError(e, "The llama.cpp scheduler step failed; failing the running requests.");
                for (var slot = 0; slot < _slots.Length; slot++)
                    if (_slots[slot] is { } running) Release(slot, () => running.Fail(e));
            }
        }
    }

    private void Admit()
    {
        lock (_gate)
        {
            for (var slot = 0; slot < _slots.Length && _queue.Count > 0; slot++)
            {
                if (_slots[slot] is not null) continue;
                _queue.TryDequeue(out var request);
                if (request.IsCancelled)
                {
                    request.Fail(new OperationCanceledException(request.CancellationToken));
                    slot--;
                    continue;
                }
                request.Slot = slot;
                request.StartedAt = Stopwatch.GetTimestamp();
                _slots[slot] = request;
            }
        }
    }

    private void DropCancelled()
    {
        for (var slot = 0; slot < _slots.Length; slot++)
            if (_slots[slot] is { IsCancelled: true } request)
                Release(slot, () => request.Fail(new OperationCanceledException(request.CancellationToken)));
    }

    /// <summary>
    /// One token per running sequence first (their latency matters most), then prompt chunks
    /// in slot order with whatever room the batch has left.
    /// </summary>
    private bool FillBatch()
    {
        _batch.Clear();
        foreach (var request in _slots)
        {
            if (request is null) continue;
            request.OutputIndex = -1;
            if (request.PromptCursor < request.Prompt.Length) continue;
            request.OutputIndex = _batch.Add(request.LastToken, request.Position, request.Slot, output: true);
            request.Position++;
        }
        foreach (var request in _slots)
        {
            if (request is null || request.PromptCursor >= request.Prompt.Length) continue;
            var room = _batch.Capacity - _batch.Count;
            if (room == 0) break;
            var take = Math.Min(room, request.Prompt.Length - request.PromptCursor);
            for (var i = 0; i < take; i++)
            {
                var last = request.PromptCursor + 1 == request.Prompt.Length;
                var index = _batch.Add(request.Prompt[request.PromptCursor], request.Position, request.Slot, output: last);
                if (last) request.OutputIndex = index;
                request.PromptCursor++;
                request.Position++;
            }
        }
        return _batch.Count > 0;
    }

    private void SampleOutputs()
    {
        for (var slot = 0; slot < _slots.Length; slot++)
        {
            var request = _slots[slot];
            if (request is null || request.OutputIndex < 0) continue;
            var token = request.Utf8Filter is { } filter
                ? MaskedSampling.Sample(request.Sampler, _context, request.OutputIndex, filter, ref _candidates)
                : NativeMethods.llama_sampler_sample(request.Sampler, _context, request.OutputIndex);
            Interlocked.Increment(ref _generatedTokenCount);
            if (!_model.IsValidToken(token) || _model.IsEndOfGeneration(token))
            {
                Release(slot, () => request.Finish(FinishReason.Stop));
                continue;
            }
            request.Write(token);
            request.Generated++;
            request.LastToken = token;
            // The next step writes this token at Position: it must still fit the window.
            if (request.Generated >= request.MaxTokens || request.Position >= ContextSize)
                Release(slot, () => request.Finish(FinishReason.Length));
        }
    }

    private void FailBatch(int result)
    {
        var error = new InvalidOperationException(result switch
        {
            1 => "llama_decode found no room in the KV cache for the batch.",
            2 => "llama_decode was aborted.",
            -1 => "llama_decode rejected the batch as invalid.",
            _ => $"llama_decode failed with code {result}.",
        });
        for (var slot = 0; slot < _slots.Length; slot++)
            if (_slots[slot] is { } request) Release(slot, () => request.Fail(error));
    }

    private void Release(int slot, Action complete)
    {
        var request = _slots[slot]!;
        _slots[slot] = null;
        NativeMethods.llama_memory_seq_rm(_memory, slot, -1, -1);
        var seconds = Stopwatch.GetElapsedTime(request.StartedAt).TotalSeconds;
        _averageSeconds = _averageSeconds * 0.8 + seconds * 0.2;
        complete();
    }

    public void Dispose()
    {
        if (_stopping) return;
        _stopping = true;
        Wake();
        _loop.Join();
        List<GenerationRequest> waiting;
        lock (_gate) waiting = _queue.DrainAll();
        var error = new ObjectDisposedException(nameof(InferenceScheduler), "The language model was shut down.");
        foreach (var request in waiting) request.Fail(error);
        for (var slot = 0; slot < _slots.Length; slot++)
            if (_slots[slot] is { } request) Release(slot, () => request.Fail(error));
        _batch.Dispose();
        _context.Dispose();
        _wake.Dispose();
    }
}
