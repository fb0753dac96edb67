using Collab.Copilot.Runtime.Chat;
using Collab.Copilot.Runtime.Scheduling;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;

namespace Collab.Copilot.Runtime.Tests.Chat;

[Trait("Needs", "Llama")]
public sealed class ChatClientTests(TinyRuntimeFixture fixture) : IClassFixture<TinyRuntimeFixture>
{
    private readonly LlamaChatClient client = new(fixture.Runtime);

    private static List<ChatMessage> Conversation(string question) =>
    [
        new(ChatRole.System, "You are the Collab copilot."),
        new(ChatRole.User, question),
    ];

    private static ChatOptions Seeded(long seed, int maxTokens = 24) => new() { Seed = seed, MaxOutputTokens = maxTokens, Temperature = 0.9f };

    [Fact]
    public async Task Seeded_generation_is_repeatable()
    {
        var first = await client.GetResponseAsync(Conversation("How do I request a GPU?"), Seeded(42));
        var second = await client.GetResponseAsync(Conversation("How do I request a GPU?"), Seeded(42));
        var other = await client.GetResponseAsync(Conversation("How do I request a GPU?"), Seeded(43));
        Assert.Equal(24, first.Usage!.OutputTokenCount);
        Assert.False(string.IsNullOrEmpty(first.Text));
        Assert.Equal(first.Text, second.Text);
        Assert.NotEqual(first.Text, other.Text);
        Assert.Equal(ChatFinishReason.Length, first.FinishReason);
    }

    [Fact]
    public async Task Streaming_yields_the_same_text_as_non_streaming()
    {
        var whole = await client.GetResponseAsync(Conversation("Explain OOMKilled."), Seeded(7, 32));
        var pieces = new List<string>();
        await foreach (var update in client.GetStreamingResponseAsync(Conversation("Explain OOMKilled."), Seeded(7, 32)))
            if (update.Text.Length > 0) pieces.Add(update.Text);
        Assert.True(pieces.Count > 1);
        Assert.Equal(whole.Text, string.Concat(pieces));
    }

    [Fact]
    public async Task Cancellation_stops_decoding_within_a_few_tokens()
    {
        using var cancel = new CancellationTokenSource();
        var scheduler = fixture.Runtime.Scheduler;
        var received = 0;
        long decodedAtCancel = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var update in client.GetStreamingResponseAsync(Conversation("Write a long essay."), Seeded(5, 400), cancel.Token))
            {
                if (update.Text.Length == 0) continue;
                if (++received == 3)
                {
                    decodedAtCancel = scheduler.GeneratedTokenCount;
                    cancel.Cancel();
                }
            }
        });
        Assert.Equal(3, received);
        await Task.Delay(300);
        // Decoding itself stopped: at most a few steps ran after the cancel (the loop checks every step).
        Assert.InRange(scheduler.GeneratedTokenCount - decodedAtCancel, 0, 4);
        // The sequence slot is free again: a new request completes normally.
        var after = await client.GetResponseAsync(Conversation("Still there?"), Seeded(1, 4));
        Assert.Equal(4, after.Usage!.OutputTokenCount);
    }

    [Fact]
    public async Task Four_concurrent_requests_match_their_single_request_outputs()
    {
        var questions = new[] { "GPU quota?", "Mount my PVC in a Job, please.", "NCCL timeout after 30 minutes", "Dockerfile with CUDA 12.6" };
        var alone = new List<string>();
        for (var i = 0; i < questions.Length; i++)
            alone.Add((await client.GetResponseAsync(Conversation(questions[i]), Seeded(100 + i, 20))).Text);

        var together = await Task.WhenAll(questions.Select((q, i) =>
            Task.Run(() => client.GetResponseAsync(Conversation(q), Seeded(100 + i, 20)))));
        Assert.Equal(alone, together.Select(r => r.Text));
    }

    [Fact]
    public async Task Stop_sequences_end_the_answer_and_are_not_returned()
    {
        var free = await client.GetResponseAsync(Conversation("Say anything."), Seeded(11, 40));
        var text = free.Text;
        // Pick a stop sequence from the middle of the known answer: the same seed must end there.
        var cut = text.Length / 2;
        var stop = text.Substring(cut, Math.Min(3, text.Length - cut));
        var options = Seeded(11, 40);
        options.StopSequences = [stop];
        var stopped = await client.GetResponseAsync(Conversation("Say anything."), options);
        Assert.Equal(text[..text.IndexOf(stop, StringComparison.Ordinal)], stopped.Text);
        Assert.Equal(ChatFinishReason.Stop, stopped.FinishReason);
    }

    [Fact]
    public async Task Oldest_turns_are_dropped_when_the_conversation_is_too_long()
    {
        var messages = new List<ChatMessage> { new(ChatRole.System, "System rules.") };
        for (var i = 0; i < 40; i++)
        {
            messages.Add(new(ChatRole.User, $"Question {i}: " + string.Join(' ', Enumerable.Repeat("words", 20))));
            messages.Add(new(ChatRole.Assistant, $"Answer {i}."));
        }
        messages.Add(new(ChatRole.User, "Final question?"));
        var response = await client.GetResponseAsync(messages, Seeded(3, 16));
        Assert.InRange(response.Usage!.InputTokenCount!.Value, 100, 512 - 16);
    }

    [Fact]
    public async Task A_single_message_too_long_for_the_window_is_a_clear_error()
    {
        var huge = string.Join(' ', Enumerable.Repeat("kubernetes", 2000));
        var error = await Assert.ThrowsAsync<ContextWindowExceededException>(() => client.GetResponseAsync([new(ChatRole.User, huge)], Seeded(1, 8)));
        Assert.Contains("context window", error.Message);
    }

    [Theory]
    [InlineData(-1f, null)]
    [InlineData(null, 0f)]
    [InlineData(float.NaN, null)]
    public async Task Out_of_range_sampling_options_are_refused(float? temperature, float? topP)
    {
        var options = new ChatOptions { Temperature = temperature, TopP = topP, MaxOutputTokens = 4 };
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.GetResponseAsync(Conversation("x"), options));
    }

    [Fact]
    public void A_full_queue_answers_busy_with_a_retry_delay()
    {
        // One sequence and one waiting place: of three requests submitted back to back, one
        // runs, one waits, and the third is refused at once (the first cannot finish in between).
        using var scheduler = new InferenceScheduler(fixture.Runtime.Model,
            new SchedulerOptions { ContextSize = 512, ParallelSequences = 1, QueueCapacity = 1, BatchSize = 64, Threads = 1 }, NullLogger.Instance);
        using var cancel = new CancellationTokenSource();
        var prompt = fixture.Runtime.Model.Tokenize("long answer please", false, false);
        var accepted = new List<GenerationRequest>();
        ModelBusyException? busy = null;
        for (var i = 0; i < 3 && busy is null; i++)
        {
            try { accepted.Add(scheduler.Submit(prompt, 400, new SamplingSettings { Seed = (uint)i }, "same-user", cancel.Token)); }
            catch (ModelBusyException e) { busy = e; }
        }
        cancel.Cancel();
        Assert.NotNull(busy);
        Assert.InRange(accepted.Count, 1, 2);
        Assert.True(busy.RetryAfter >= TimeSpan.FromSeconds(1));
        Assert.Contains("retry after", busy.Message);
    }
}
