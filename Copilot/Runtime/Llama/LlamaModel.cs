using System.Runtime.InteropServices;
using System.Text;
using Collab.Copilot.Runtime.Gguf;
using Collab.Copilot.Runtime.Native;

namespace Collab.Copilot.Runtime.Llama;

/// <summary>
/// A GGUF model loaded into llama.cpp: weights, vocabulary and chat template. Thread-safe:
/// the model is read-only once loaded, and llama.h's tokenizer functions are thread-safe.
/// Every call checks its inputs (token ids, lengths) before they reach native code.
/// </summary>
public sealed unsafe class LlamaModel : IDisposable
{
    private readonly SafeLlamaModelHandle _handle;
    private readonly nint _vocab;
    private readonly Lazy<TokenBytes> _tokenBytes;

    private LlamaModel(string path, SafeLlamaModelHandle handle)
    {
        Path = path;
        _handle = handle;
        _vocab = NativeMethods.llama_model_get_vocab(_handle);
        VocabularySize = NativeMethods.llama_vocab_n_tokens(_vocab);
        EmbeddingSize = NativeMethods.llama_model_n_embd(_handle);
        TrainingContextSize = NativeMethods.llama_model_n_ctx_train(_handle);
        ChatTemplate = Marshal.PtrToStringUTF8((nint)NativeMethods.llama_model_chat_template(_handle, null));
        Description = ReadDescription();
        _tokenBytes = new Lazy<TokenBytes>(() => new TokenBytes(this));
    }

    /// <summary>The GGUF file the model was loaded from.</summary>
    public string Path { get; }

    /// <summary>Number of tokens in the vocabulary; valid ids are 0 to this minus one.</summary>
    public int VocabularySize { get; }

    /// <summary>The model's hidden size, which is also its embedding dimension.</summary>
    public int EmbeddingSize { get; }

    /// <summary>The context length the model was trained for.</summary>
    public int TrainingContextSize { get; }

    /// <summary>The Jinja chat template from <c>tokenizer.chat_template</c>, if the file has one.</summary>
    public string? ChatTemplate { get; }

    /// <summary>llama.cpp's one-line description (architecture, size, quantization).</summary>
    public string Description { get; }

    internal SafeLlamaModelHandle Handle => _handle;

    /// <summary>Every token's bytes, read on first use (grammar-constrained generation needs them).</summary>
    internal TokenBytes TokenBytes => _tokenBytes.Value;

    internal nint Vocabulary => _vocab;

    /// <summary>
    /// Loads <paramref name="path"/> with <paramref name="gpuLayers"/> layers offloaded (-1 = all).
    /// The llama.cpp libraries must already be loaded (<see cref="LlamaLibrary"/>).
    /// </summary>
    /// <exception cref="GgufFormatException">The file is missing, not GGUF, or llama.cpp rejects it.</exception>
    public static LlamaModel Load(string path, int gpuLayers)
    {
        var full = System.IO.Path.GetFullPath(path);
        var info = GgufFileInfo.Read(full);
        if (info.TensorCount == 0) throw new GgufFormatException(full, "the file holds no tensors (vocabulary-only files cannot generate).");
        var parameters = NativeMethods.llama_model_default_params();
        parameters.GpuLayerCount = gpuLayers;
        var model = NativeMethods.llama_model_load_from_file(full, parameters);
        if (model.IsInvalid)
        {
            model.Dispose();
            throw new GgufFormatException(full,
                $"llama.cpp could not load it (architecture '{info.Architecture ?? "unknown"}'; damaged, truncated or unsupported tensors). The llama.cpp log has the detail.");
        }
        return new LlamaModel(full, model);
    }

    /// <summary>True when <paramref name="token"/> is a valid id of this vocabulary.</summary>
    public bool IsValidToken(int token) => (uint)token < (uint)VocabularySize;

    /// <summary>True when <paramref name="token"/> ends generation (end of text or of turn).</summary>
    public bool IsEndOfGeneration(int token) => IsValidToken(token) && NativeMethods.llama_vocab_is_eog(_vocab, token);

    /// <summary>
    /// Tokenizes UTF-8 text. <paramref name="parseSpecial"/> turns control-token text such as
    /// <c>&lt;|im_start|&gt;</c> into the control token (for templated prompts only, never user text alone).
    /// </summary>
    public int[] Tokenize(string text, bool addSpecial, bool parseSpecial)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bytes = Encoding.UTF8.GetBytes(text);
        // A token covers at least one byte, plus room for BOS/EOS.
        var capacity = checked(bytes.Length + 2);
        var tokens = new int[capacity];
        fixed (byte* utf8 = bytes)
        fixed (int* output = tokens)
        {
            var count = NativeMethods.llama_tokenize(_vocab, utf8, bytes.Length, output, capacity, addSpecial, parseSpecial);
            if (count == int.MinValue) throw new ArgumentException("The text is too long to tokenize.");
            if (count < 0)
            {
                tokens = new int[-count];
                fixed (int* retry = tokens)
                    count = NativeMethods.llama_tokenize(_vocab, utf8, bytes.Length, retry, tokens.Length, addSpecial, parseSpecial);
                if (count < 0) throw new InvalidOperationException("llama_tokenize failed twice.");
            }
            return tokens.AsSpan(0, count).ToArray();
        }
    }

    /// <summary>Turns tokens back into text; control tokens are rendered only when <paramref name="renderSpecial"/>.</summary>
    public string Detokenize(ReadOnlySpan<int> tokens, bool renderSpecial = false)
    {
        CheckTokens(tokens);
        if (tokens.Length == 0) return "";
        var buffer = new byte[Math.Max(64, tokens.Length * 8)];
        fixed (int* input = tokens)
        {
            while (true)
            {
                fixed (byte* output = buffer)
                {
                    var length = NativeMethods.llama_detokenize(_vocab, input, tokens.Length, output, buffer.Length, false, renderSpecial);
                    if (length >= 0) return Encoding.UTF8.GetString(buffer, 0, length);
                    if (length == int.MinValue) throw new ArgumentException("The tokens decode to more text than fits in one string.");
                    buffer = new byte[-length];
                }
            }
        }
    }

    /// <summary>Appends the raw bytes of one token's text (possibly part of a UTF-8 character).</summary>
    public void AppendPiece(int token, List<byte> destination, bool renderSpecial = false)
    {
        if (!IsValidToken(token)) throw new ArgumentOutOfRangeException(nameof(token), token, $"Token ids are 0 to {VocabularySize - 1}.");
        Span<byte> small = stackalloc byte[256];
        fixed (byte* buffer = small)
        {
            var length = NativeMethods.llama_token_to_piece(_vocab, token, buffer, small.Length, 0, renderSpecial);
            if (length >= 0)
            {
                foreach (var b in small[..length]) destination.Add(b);
                return;
            }
        }
        var large = new byte[-NativeMethods.llama_token_to_piece(_vocab, token, null, 0, 0, renderSpecial)];
        fixed (byte* buffer = large)
        {
            var length = NativeMethods.llama_token_to_piece(_vocab, token, buffer, large.Length, 0, renderSpecial);
            destination.AddRange(large.AsSpan(0, Math.Max(0, length)).ToArray());
        }
    }

    /// <summary>Throws unless every token is a valid id of this vocabulary.</summary>
    public void CheckTokens(ReadOnlySpan<int> tokens)
    {
        foreach (var token in tokens)
            if (!IsValidToken(token))
                throw new ArgumentOutOfRangeException(nameof(tokens), token, $"Token ids are 0 to {VocabularySize - 1}.");
    }

    /// <summary>Releases the native model. Contexts made from it must be disposed first.</summary>
    public void Dispose() => _handle.Dispose();

    private string ReadDescription()
    {
        Span<byte> buffer = stackalloc byte[256];
        fixed (byte* b = buffer)
        {
            var length = NativeMethods.llama_model_desc(_handle, b, (nuint)buffer.Length);
            return length > 0 ? Encoding.UTF8.GetString(buffer[..Math.Min(length, buffer.Length - 1)]) : "";
        }
    }
}
