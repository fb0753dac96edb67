namespace Collab.Server.Chat;

/// <summary>Per-project chat rules an owner may change.</summary>
public sealed record ChatSettings(bool ViewersCanPost)
{
    public static readonly ChatSettings Default = new(ViewersCanPost: true);
}
