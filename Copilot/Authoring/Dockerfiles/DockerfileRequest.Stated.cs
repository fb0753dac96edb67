using System.Text.RegularExpressions;

namespace Collab.Copilot.Authoring.Dockerfiles;

// What the request states about the image itself, whatever the stack: a full base image, the user's UID, the WORKDIR,
// a HEALTHCHECK, apt packages, and the names of the files and binaries the image runs.
internal sealed partial record DockerfileRequest
{
    /// <summary>
    /// A full base image reference the words name as the base ("use nvidia/cuda:12.2.0-runtime-ubuntu22.04 as the base",
    /// "s base image registry.example.org/team/base:1.4", "FROM X", "Basis-Image X"), kept exactly; null when none.
    /// A reference named as the final stage's image is <see cref="FinalBase"/>'s, not this.
    /// </summary>
    public string? StatedBase => BaseImage().Match(Text) is { Success: true } m && m.Groups["img"].Value is var img
        && !string.Equals(img, FinalBase, StringComparison.OrdinalIgnoreCase) ? img : null;

    /// <summary>The numeric UID the image should run as ("UID 1001", "uid=1500", "user id 2000"), or null.</summary>
    public string? Uid => Regex.Match(Text, @"\b(?:uid|user\s*id)\s*[:=]?\s*(\d{3,6})\b", I) is { Success: true } m ? m.Groups[1].Value : null;

    /// <summary>The absolute WORKDIR the words state ("WORKDIR /opt/app", "radni direktorij /srv/app", "Arbeitsverzeichnis /app"), or null.</summary>
    public string? Workdir => WorkdirWords().Match(Text) is { Success: true } m ? m.Groups[1].Value.TrimEnd('/', '.', ',') : null;

    /// <summary>A HEALTHCHECK is asked for by name ("add a HEALTHCHECK", "mit Healthcheck", "health check").</summary>
    public bool WantsHealthcheck => Regex.IsMatch(Text, @"health\s*-?\s*check", I);

    /// <summary>
    /// Packages said to come from apt ("apt packages ffmpeg and libgl1", "s apt paketima …", "pacchetti apt …"): names joined by
    /// commas or "and" of any language, each followed by another or by the end of the list (", working directory /srv" is not one).
    /// </summary>
    public IReadOnlyList<string> AptPackages => AptList().Match(Text) is { Success: true } m
        ? Regex.Split(m.Groups["list"].Value, @"\s*(?:,|\band\b|\bi\b|\ba\b|\be\b|\by\b|\bund\b|\bamb\b)\s*|\s+").Select(p => p.Trim().ToLowerInvariant())
            .Where(p => Regex.IsMatch(p, @"^[a-z0-9][a-z0-9.+\-]+$")).Distinct().ToList()
        : [];

    /// <summary>A directory the words name with a leading "./" ("the html is in ./site"), or null.</summary>
    public string? SourceDirectory => Regex.Match(Text, @"(?<![\w.])\./([\w\-]+)/?") is { Success: true } m ? m.Groups[1].Value : null;

    /// <summary>The binary's name ("the binary is called api-server", "binárka se jmenuje api-server", "Binary heißt x"), or null.</summary>
    public string? BinaryName => BinaryWords().Match(Text) is { Success: true } m ? m.Groups[1].Value : null;

    /// <summary>The R script the words name ("api.R", "analiza.R"), or null.</summary>
    public string? RScript => Regex.Match(Text, @"(?<![\w./-])([\w\-]+(?:/[\w\-]+)*\.R)\b") is { Success: true } m ? m.Groups[1].Value : null;

    // A full reference (registry/path:tag or name:tag) after a word for "base" or "based on" in any of the six languages, or before "as the base".
    [GeneratedRegex(@"(?:\b(?:base|basis|bas[ea]|bazi|bázi|bazu|základ\w*|FROM|based\s+on|basat\w*\s+(?:en|sobre)|basat\w*\s+su|basiert\s+auf|temeljen\w*\s+na|bazira\w*\s+na)\b(?:[\s\-]*(?:image|imatge|immagine|obraz\w*|slik\w*|bild))?\s*[:=]?\s*[`""']?(?<img>[a-z0-9][\w.\-]*(?:/[\w.\-]+)*:[\w][\w.\-]*)|[`""']?(?<img>[a-z0-9][\w.\-]*(?:/[\w.\-]+)+:[\w][\w.\-]*)[`""']?\s+(?:as|als|com|come|kao|jako)\s+(?:the\s+|a\s+|die\s+|la\s+|il\s+)?(?:base|basis|bazu|základ\w*|imatge\s+base|immagine\s+base|Basis-?Image))", RegexOptions.IgnoreCase)]
    private static partial Regex BaseImage();

    [GeneratedRegex(@"(?:\bworkdir|working\s+dir\w*|work\s+dir\w*|radn\w+\s+direktorij\w*|radn\w+\s+map\w*|pracovn\w+\s+adresář\w*|directori\s+de\s+treball|directory\s+di\s+lavoro|cartella\s+di\s+lavoro|arbeitsverzeichnis)\s*[:=]?\s*(?:is\s+|je\s+|ist\s+|è\s+|és\s+)?[`""']?(/[\w.\-/]+)", RegexOptions.IgnoreCase)]
    private static partial Regex WorkdirWords();

    [GeneratedRegex(@"(?:\bapt(?:-get)?(?:[\s\-]+(?:packages?|paket\w*|balíčk\w*|paquets|pacchetti|pakete))?|(?:packages?|paket\w*|balíčk\w*|paquets|pacchetti|pakete)[\s\-]+(?:apt|de\s+apt|da\s+apt|z\s+apt))\s+(?:install\s+)?(?<list>[a-z0-9][\w.+\-]*(?=\s*(?:[,;.)]|\band\b|\bi\b|\ba\b|\be\b|\by\b|\bund\b|\bamb\b|$))(?:\s*(?:,|\band\b|\bi\b|\ba\b|\be\b|\by\b|\bund\b|\bamb\b)\s*[a-z0-9][\w.+\-]*(?=\s*(?:[,;.)]|\band\b|\bi\b|\ba\b|\be\b|\by\b|\bund\b|\bamb\b|$)))*)", RegexOptions.IgnoreCase)]
    private static partial Regex AptList();

    [GeneratedRegex(@"\b(?:binar\w*|binár\w*|binari\w*|binär\w*|executable|izvršn\w*)\s+(?:is\s+called|is\s+named|called|named|se\s+jmenuje|se\s+zove|si\s+chiama|es\s+diu|heißt|:)\s*[`""']?([a-z][\w\-]*)", RegexOptions.IgnoreCase)]
    private static partial Regex BinaryWords();
}
