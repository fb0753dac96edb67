using System.ComponentModel;
using Collab.Copilot.Authoring.Diagnosis;
using Microsoft.SemanticKernel;

namespace Collab.Copilot.Assistant.Plugins;

/// <summary>Semantic Kernel plugin over the error-signature catalogue.</summary>
public sealed class ErrorDiagnosisPlugin
{
    /// <summary>Kernel plugin name.</summary>
    public const string Name = "errors";

    /// <summary>Diagnoses pasted error text (redacted first).</summary>
    [KernelFunction("diagnose"), Description("Recognises known Kubernetes, GPU and PyTorch errors in pasted text: cause, fix, commands, doc.")]
    public DiagnosisResult Diagnose([Description("The pasted error, log or kubectl describe output")] string paste) => ErrorDiagnoser.Diagnose(paste);
}
