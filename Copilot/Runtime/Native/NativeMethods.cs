using System.Runtime.InteropServices;

namespace Collab.Copilot.Runtime.Native;

/// <summary>
/// The llama.h / ggml.h functions Collab calls. Library names are logical: <see cref="LlamaLibrary"/>
/// resolves them to the files of the configured folder. Callers validate every length, id and
/// pointer before they get here; these declarations do no checking of their own.
/// </summary>
internal static unsafe partial class NativeMethods
{
    public const string Llama = "llama";
    public const string Ggml = "ggml";
    public const string GgmlBase = "ggml-base";

    // ggml: backends are separate shared objects, loaded at run time from the folder.
    [LibraryImport(Ggml, StringMarshalling = StringMarshalling.Utf8)]
    public static partial void ggml_backend_load_all_from_path(string directory);

    [LibraryImport(GgmlBase)]
    public static partial void ggml_log_set(delegate* unmanaged[Cdecl]<GgmlLogLevel, byte*, nint, void> callback, nint userData);

    [LibraryImport(Llama)]
    public static partial void llama_log_set(delegate* unmanaged[Cdecl]<GgmlLogLevel, byte*, nint, void> callback, nint userData);

    [LibraryImport(Llama)]
    public static partial void llama_backend_init();

    [LibraryImport(Llama)]
    public static partial byte* llama_print_system_info();

    [LibraryImport(Llama)]
    [return: MarshalAs(UnmanagedType.U1)]
    public static partial bool llama_supports_gpu_offload();

    [LibraryImport(Llama)]
    public static partial nuint llama_max_parallel_sequences();

    // Default parameter structs (layouts proven by LlamaStructLayoutTests).
    [LibraryImport(Llama)]
    public static partial LlamaModelParams llama_model_default_params();

    [LibraryImport(Llama)]
    public static partial LlamaContextParams llama_context_default_params();

    [LibraryImport(Llama)]
    public static partial LlamaSamplerChainParams llama_sampler_chain_default_params();

    [LibraryImport(Llama)]
    public static partial LlamaModelQuantizeParams llama_model_quantize_default_params();

    // Model.
    [LibraryImport(Llama, StringMarshalling = StringMarshalling.Utf8)]
    public static partial SafeLlamaModelHandle llama_model_load_from_file(string path, LlamaModelParams parameters);

    [LibraryImport(Llama)]
    public static partial void llama_model_free(nint model);

    [LibraryImport(Llama)]
    public static partial nint llama_model_get_vocab(SafeLlamaModelHandle model);

    [LibraryImport(Llama)]
    public static partial int llama_model_n_embd(SafeLlamaModelHandle model);

    [LibraryImport(Llama)]
    public static partial int llama_model_n_ctx_train(SafeLlamaModelHandle model);

    [LibraryImport(Llama)]
    public static partial int llama_model_n_layer(SafeLlamaModelHandle model);

    [LibraryImport(Llama)]
    public static partial ulong llama_model_n_params(SafeLlamaModelHandle model);

    [LibraryImport(Llama)]
    [return: MarshalAs(UnmanagedType.U1)]
    public static partial bool llama_model_has_encoder(SafeLlamaModelHandle model);

    [LibraryImport(Llama)]
    public static partial byte* llama_model_chat_template(SafeLlamaModelHandle model, byte* name);

    [LibraryImport(Llama)]
    public static partial int llama_model_desc(SafeLlamaModelHandle model, byte* buffer, nuint bufferSize);

    [LibraryImport(Llama)]
    public static partial int llama_model_meta_val_str(SafeLlamaModelHandle model, byte* key, byte* buffer, nuint bufferSize);

    [LibraryImport(Llama, StringMarshalling = StringMarshalling.Utf8)]
    public static partial uint llama_model_quantize(string inputPath, string outputPath, in LlamaModelQuantizeParams parameters);

    // Vocabulary (thread-safe per llama.h).
    [LibraryImport(Llama)]
    public static partial int llama_vocab_n_tokens(nint vocab);

    [LibraryImport(Llama)]
    [return: MarshalAs(UnmanagedType.U1)]
    public static partial bool llama_vocab_is_eog(nint vocab, int token);

    [LibraryImport(Llama)]
    [return: MarshalAs(UnmanagedType.U1)]
    public static partial bool llama_vocab_get_add_bos(nint vocab);

    [LibraryImport(Llama)]
    public static partial int llama_vocab_bos(nint vocab);

    [LibraryImport(Llama)]
    public static partial int llama_vocab_eos(nint vocab);

    [LibraryImport(Llama)]
    public static partial int llama_tokenize(
        nint vocab, byte* text, int textLength, int* tokens, int maxTokens,
        [MarshalAs(UnmanagedType.U1)] bool addSpecial, [MarshalAs(UnmanagedType.U1)] bool parseSpecial);

    [LibraryImport(Llama)]
    public static partial int llama_token_to_piece(
        nint vocab, int token, byte* buffer, int length, int leftStrip, [MarshalAs(UnmanagedType.U1)] bool special);

    [LibraryImport(Llama)]
    public static partial int llama_detokenize(
        nint vocab, int* tokens, int tokenCount, byte* text, int maxLength,
        [MarshalAs(UnmanagedType.U1)] bool removeSpecial, [MarshalAs(UnmanagedType.U1)] bool unparseSpecial);

    [LibraryImport(Llama)]
    public static partial int llama_chat_apply_template(
        byte* template, LlamaChatMessage* messages, nuint messageCount,
        [MarshalAs(UnmanagedType.U1)] bool addAssistant, byte* buffer, int length);

    // Context.
    [LibraryImport(Llama)]
    public static partial SafeLlamaContextHandle llama_init_from_model(SafeLlamaModelHandle model, LlamaContextParams parameters);

    [LibraryImport(Llama)]
    public static partial void llama_free(nint context);

    [LibraryImport(Llama)]
    public static partial uint llama_n_ctx(SafeLlamaContextHandle context);

    [LibraryImport(Llama)]
    public static partial uint llama_n_ctx_seq(SafeLlamaContextHandle context);

    [LibraryImport(Llama)]
    public static partial uint llama_n_batch(SafeLlamaContextHandle context);

    [LibraryImport(Llama)]
    public static partial uint llama_n_seq_max(SafeLlamaContextHandle context);

    [LibraryImport(Llama)]
    public static partial nint llama_get_memory(SafeLlamaContextHandle context);

    [LibraryImport(Llama)]
    [return: MarshalAs(UnmanagedType.U1)]
    public static partial bool llama_memory_seq_rm(nint memory, int sequence, int fromPosition, int toPosition);

    [LibraryImport(Llama)]
    public static partial void llama_memory_clear(nint memory, [MarshalAs(UnmanagedType.U1)] bool data);

    [LibraryImport(Llama)]
    public static partial int llama_decode(SafeLlamaContextHandle context, LlamaBatch batch);

    [LibraryImport(Llama)]
    public static partial float* llama_get_embeddings_seq(SafeLlamaContextHandle context, int sequence);

    [LibraryImport(Llama)]
    public static partial float* llama_get_embeddings_ith(SafeLlamaContextHandle context, int index);

    [LibraryImport(Llama)]
    public static partial LlamaPoolingType llama_pooling_type(SafeLlamaContextHandle context);

    [LibraryImport(Llama)]
    public static partial LlamaBatch llama_batch_init(int tokenCount, int embeddingSize, int maxSequencesPerToken);

    [LibraryImport(Llama)]
    public static partial void llama_batch_free(LlamaBatch batch);

    // Samplers.
    [LibraryImport(Llama)]
    public static partial nint llama_sampler_chain_init(LlamaSamplerChainParams parameters);

    [LibraryImport(Llama)]
    public static partial void llama_sampler_chain_add(SafeLlamaSamplerHandle chain, nint sampler);

    [LibraryImport(Llama)]
    public static partial void llama_sampler_free(nint sampler);

    [LibraryImport(Llama)]
    public static partial int llama_sampler_sample(SafeLlamaSamplerHandle sampler, SafeLlamaContextHandle context, int index);

    // The parts of llama_sampler_sample, for callers that mask candidates first.
    [LibraryImport(Llama)]
    public static partial float* llama_get_logits_ith(SafeLlamaContextHandle context, int index);

    [LibraryImport(Llama)]
    public static partial void llama_sampler_apply(SafeLlamaSamplerHandle sampler, LlamaTokenDataArray* candidates);

    [LibraryImport(Llama)]
    public static partial void llama_sampler_accept(SafeLlamaSamplerHandle sampler, int token);

    [LibraryImport(Llama)]
    public static partial nint llama_sampler_init_greedy();

    [LibraryImport(Llama)]
    public static partial nint llama_sampler_init_dist(uint seed);

    [LibraryImport(Llama)]
    public static partial nint llama_sampler_init_top_k(int k);

    [LibraryImport(Llama)]
    public static partial nint llama_sampler_init_top_p(float p, nuint minKeep);

    [LibraryImport(Llama)]
    public static partial nint llama_sampler_init_min_p(float p, nuint minKeep);

    [LibraryImport(Llama)]
    public static partial nint llama_sampler_init_temp(float temperature);

    [LibraryImport(Llama)]
    public static partial nint llama_sampler_init_penalties(int vocabSize, int lastN, float repeat, float frequency, float presence);

    [LibraryImport(Llama)]
    public static partial nint llama_sampler_init_grammar(nint vocab, byte* grammar, byte* root);
}
