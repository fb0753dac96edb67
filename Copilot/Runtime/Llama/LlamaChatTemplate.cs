using System.Runtime.InteropServices;
using System.Text;
using Collab.Copilot.Runtime.Native;

namespace Collab.Copilot.Runtime.Llama;

/// <summary>
/// Formats a conversation with the model's own chat template (GGUF <c>tokenizer.chat_template</c>)
/// through <c>llama_chat_apply_template</c>, which recognises the common template families
/// (ChatML, Llama 3, Mistral, Gemma, Phi and more). A model without a template, or with one
/// llama.cpp does not recognise, is formatted as ChatML.
/// </summary>
internal static unsafe class LlamaChatTemplate
{
    public static string Apply(LlamaModel model, IReadOnlyList<(string Role, string Content)> messages, bool addAssistantPrompt)
    {
        return TryApply(model.ChatTemplate, messages, addAssistantPrompt)
            ?? TryApply("chatml", messages, addAssistantPrompt)
            ?? throw new InvalidOperationException("llama.cpp could not apply the ChatML template.");
    }

    private static string? TryApply(string? template, IReadOnlyList<(string Role, string Content)> messages, bool addAssistantPrompt)
    {
        if (string.IsNullOrEmpty(template)) return null;
        var pinned = new List<GCHandle>(messages.Count * 2 + 1);
        try
        {
            byte* Pin(string text)
            {
                var handle = GCHandle.Alloc(Encoding.UTF8.GetBytes(text + "\0"), GCHandleType.Pinned);
                pinned.Add(handle);
                return (byte*)handle.AddrOfPinnedObject();
            }

            var native = new LlamaChatMessage[messages.Count];
            var total = 0L;
            for (var i = 0; i < messages.Count; i++)
            {
                if (messages[i].Content.Contains('\0') || messages[i].Role.Contains('\0'))
                    throw new ArgumentException("Chat messages must not contain NUL characters.");
                native[i] = new LlamaChatMessage { Role = Pin(messages[i].Role), Content = Pin(messages[i].Content) };
                total += messages[i].Content.Length + messages[i].Role.Length;
            }
            var templateBytes = Pin(template);
            var buffer = new byte[(int)Math.Min(int.MaxValue, Math.Max(256, total * 2 + 256))];
            fixed (LlamaChatMessage* chat = native)
            {
                while (true)
                {
                    int length;
                    fixed (byte* output = buffer)
                        length = NativeMethods.llama_chat_apply_template(templateBytes, chat, (nuint)native.Length, addAssistantPrompt, output, buffer.Length);
                    if (length < 0) return null;
                    if (length <= buffer.Length) return Encoding.UTF8.GetString(buffer, 0, length);
                    buffer = new byte[length];
                }
            }
        }
        finally
        {
            foreach (var handle in pinned) handle.Free();
        }
    }
}
