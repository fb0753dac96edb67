namespace Collab.Copilot.Authoring;

/// <summary>How much a finding matters: errors make the cluster or build reject or break it, warnings are unsafe or fragile, info is advice.</summary>
public enum FindingSeverity
{
    /// <summary>Advice; does not make a result unclean.</summary>
    Info,
    /// <summary>Unsafe or fragile; violates policy.</summary>
    Warning,
    /// <summary>Will be rejected or will not work.</summary>
    Error,
}
