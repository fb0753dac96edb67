using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Collab.Copilot.Runtime.Gguf;
using Collab.Copilot.Runtime.Native;

namespace Collab.Copilot.Runtime.Tests.Native;

/// <summary>
/// Hand-written by-value structs break silently when a field is added upstream. These tests
/// call each <c>*_default_params</c> function twice: once through our typed binding, and once
/// raw (the SysV ABI returns large structs through a hidden pointer, which we point at a
/// sentinel-filled buffer). The raw bytes show how far the library writes and what sits at
/// every offset; our struct must have the same size and the same bytes.
/// </summary>
[Trait("Needs", "Llama")]
public sealed unsafe class StructLayoutTests
{
    private const byte Sentinel = 0xA5;

    public StructLayoutTests() => _ = TestModel.LibraryFolder;

    [Fact]
    public void Model_params_match_the_library()
    {
        var ours = NativeMethods.llama_model_default_params();
        AssertSameBytes("llama_model_default_params", ref ours);
        Assert.Equal(80, sizeof(LlamaModelParams));
        Assert.Equal(-1, ours.GpuLayerCount);
        Assert.Equal(1, ours.SplitMode);  // LLAMA_SPLIT_MODE_LAYER
        Assert.Equal(-1, ours.LoadMode);  // LLAMA_LOAD_MODE_AUTO
        Assert.Equal(1, ours.LazyMode);   // LLAMA_LAZY_MODE_AUTO
        Assert.Equal(0, ours.MainGpu);
        Assert.Equal(0, ours.TensorSplit);
        Assert.Equal(0, ours.KvOverrides);
        Assert.False(ours.VocabOnly);
        Assert.False(ours.CheckTensors);
        Assert.True(ours.UseExtraBufferTypes);
        Assert.False(ours.NoHost);
        Assert.False(ours.NoAlloc);
        Assert.False(ours.LoadMtp);
    }

    [Fact]
    public void Context_params_match_the_library()
    {
        var ours = NativeMethods.llama_context_default_params();
        AssertSameBytes("llama_context_default_params", ref ours);
        Assert.Equal(160, sizeof(LlamaContextParams));
        Assert.Equal(512u, ours.ContextSize);
        Assert.Equal(2048u, ours.BatchSize);
        Assert.Equal(512u, ours.MicroBatchSize);
        Assert.Equal(1u, ours.MaxSequences);
        Assert.Equal(0u, ours.RecurrentStateSnapshots);
        Assert.Equal(0u, ours.MaxOutputs);
        Assert.Equal(1u, ours.MaxOutputsPerSequence);
        Assert.Equal(4, ours.Threads);
        Assert.Equal(4, ours.BatchThreads);
        Assert.Equal(0, ours.ContextType);
        Assert.Equal(-1, ours.RopeScalingType);
        Assert.Equal(LlamaPoolingType.Unspecified, ours.PoolingType);
        Assert.Equal(-1, ours.AttentionType);
        Assert.Equal(-1, ours.FlashAttentionType);
        Assert.Equal(0f, ours.RopeFreqBase);
        Assert.Equal(-1f, ours.YarnExtFactor);
        Assert.Equal(-1f, ours.YarnBetaSlow);
        Assert.Equal(0u, ours.YarnOriginalContext);
        Assert.Equal(-1f, ours.DefragThreshold);
        Assert.Equal(GgmlType.F16, ours.TypeK);
        Assert.Equal(GgmlType.F16, ours.TypeV);
        Assert.Equal(0, ours.AbortCallback);
        Assert.False(ours.Embeddings);
        Assert.True(ours.OffloadKqv);
        Assert.True(ours.NoPerf);
        Assert.True(ours.OpOffload);
        Assert.True(ours.SwaFull);
        Assert.False(ours.KvUnified);
        Assert.Equal(0, ours.Samplers);
        Assert.Equal(0u, ours.SamplerCount);
        Assert.Equal(0, ours.OtherContext);
    }

    [Fact]
    public void Quantize_params_match_the_library()
    {
        var ours = NativeMethods.llama_model_quantize_default_params();
        AssertSameBytes("llama_model_quantize_default_params", ref ours);
        Assert.Equal(64, sizeof(LlamaModelQuantizeParams));
        Assert.Equal(LlamaFileType.MostlyQ8_0, ours.FileType);
        Assert.Equal(GgmlType.Count, ours.OutputTensorType);
        Assert.Equal(GgmlType.Count, ours.TokenEmbeddingType);
        Assert.True(ours.QuantizeOutputTensor);
        Assert.False(ours.AllowRequantize);
        Assert.False(ours.DryRun);
        Assert.Equal(8UL << 30, (ulong)ours.MaxBufferSize);
    }

    [Fact]
    public void Sampler_chain_params_match_the_library()
    {
        // One bool: returned in a register, so compare the returned byte directly.
        var function = Export("llama_sampler_chain_default_params");
        var raw = ((delegate* unmanaged[Cdecl]<byte>)function)();
        var ours = NativeMethods.llama_sampler_chain_default_params();
        Assert.Equal(1, sizeof(LlamaSamplerChainParams));
        Assert.Equal(1, raw);
        Assert.True(ours.NoPerf);
    }

    [Fact]
    public void Token_data_array_matches_llama_h()
    {
        // llama_token_data {int32 id; float logit; float p;}; the array {data*, size_t size, int64 selected, bool sorted}.
        Assert.Equal(12, sizeof(LlamaTokenData));
        Assert.Equal(32, sizeof(LlamaTokenDataArray));
        Assert.Equal(16, (int)System.Runtime.InteropServices.Marshal.OffsetOf<LlamaTokenDataArray>(nameof(LlamaTokenDataArray.Selected)));
        Assert.Equal(24, (int)System.Runtime.InteropServices.Marshal.OffsetOf<LlamaTokenDataArray>(nameof(LlamaTokenDataArray.Sorted)));
    }

    [Fact]
    public void Batch_matches_the_library()
    {
        const int Capacity = 8;
        var batch = NativeMethods.llama_batch_init(Capacity, 0, 1);
        try
        {
            Assert.Equal(56, sizeof(LlamaBatch));
            Assert.Equal(0, batch.TokenCount);
            Assert.True(batch.Tokens != null);
            Assert.True(batch.Embeddings == null);
            Assert.True(batch.Positions != null && batch.SequenceIdCounts != null && batch.SequenceIds != null && batch.Outputs != null);
            // seq_id is NULL-terminated after n_tokens entries: proves the pointer order too.
            Assert.True(batch.SequenceIds[Capacity] == null);
            for (var i = 0; i < Capacity; i++) Assert.True(batch.SequenceIds[i] != null);
        }
        finally
        {
            NativeMethods.llama_batch_free(batch);
        }
    }

    private static void AssertSameBytes<T>(string export, ref T ours) where T : unmanaged
    {
        var size = sizeof(T);
        var raw = stackalloc byte[size + 64];
        new Span<byte>(raw, size + 64).Fill(Sentinel);
        var function = Export(export);
        ((delegate* unmanaged[Cdecl]<byte*, byte*>)function)(raw);

        // The library wrote up to the last field; nothing lands past our struct's size.
        var written = new Span<byte>(raw, size + 64);
        Assert.True(written[size..].IndexOfAnyExcept(Sentinel) < 0, $"{export} wrote past {size} bytes: our {typeof(T).Name} is too small.");
        var lastWritten = written[..size].LastIndexOfAnyExcept(Sentinel);
        Assert.True(lastWritten >= size - 8, $"{export} wrote only {lastWritten + 1} of {size} bytes: our {typeof(T).Name} is too large.");

        // Every byte the library wrote must be the byte at the same offset of our copy (a field
        // at a different offset shows up here; untouched padding keeps the sentinel).
        var mine = new Span<byte>(Unsafe.AsPointer(ref ours), size);
        for (var i = 0; i < size; i++)
            if (written[i] != Sentinel)
                Assert.True(written[i] == mine[i], $"{export}: byte {i} is {written[i]:x2} in the library, {mine[i]:x2} in our {typeof(T).Name}.");
    }

    private static nint Export(string name)
    {
        _ = TestModel.LibraryFolder;
        var library = NativeLibrary.Load(Directory.EnumerateFiles(TestModel.LibraryFolder, "libllama.v*.so").Single());
        return NativeLibrary.GetExport(library, name);
    }
}
