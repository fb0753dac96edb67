namespace Collab.Copilot.Authoring.Wording;

/// <summary>
/// A sentence a drafter or checker tells the user (an assumption, a value it could not keep), kept
/// as a key of <see cref="Texts"/> and its values so the answer can say it in the asker's language.
/// </summary>
/// <param name="Key">The wording key (<c>note.port-assumed</c>...).</param>
/// <param name="Args">The values put into the wording's {0}, {1}… places.</param>
public sealed record Note(string Key, params string[] Args)
{
    /// <summary>The sentence in <paramref name="language"/>.</summary>
    public string In(string language) => Texts.Say(language, Key, Args);

    /// <inheritdoc />
    public override string ToString() => In("en");
}
