using Microsoft.Win32.SafeHandles;

namespace Collab.Copilot.Runtime.Native;

/// <summary>
/// Owns a sampler chain (<c>llama_sampler*</c>). Samplers added to the chain belong to it and
/// are freed with it by <c>llama_sampler_free</c>.
/// </summary>
internal sealed class SafeLlamaSamplerHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public SafeLlamaSamplerHandle(nint chain) : base(ownsHandle: true) => SetHandle(chain);

    /// <summary>Adds a sampler the chain then owns; a NULL sampler (failed init) is an error.</summary>
    public void Add(nint sampler, string what)
    {
        if (sampler == 0) throw new InvalidOperationException($"llama.cpp could not create the {what} sampler.");
        NativeMethods.llama_sampler_chain_add(this, sampler);
    }

    protected override bool ReleaseHandle()
    {
        NativeMethods.llama_sampler_free(handle);
        return true;
    }
}
