using System.Text.RegularExpressions;

namespace Collab.Copilot.Authoring.Dockerfiles;

// .NET and Ollama: which stack, its version, and the project or model the words name.
internal sealed partial record DockerfileRequest
{
    /// <summary>A .NET image is asked for (".NET 8", "dotnet", "ASP.NET Core", "Blazor", a .csproj, C#).</summary>
    public bool WantsDotnet => Regex.IsMatch(Text, @"(?<![\w])\.net\b|\bdotnet\b|asp\.?net|blazor|\.csproj\b|\bc#|\bcsharp\b", I);

    /// <summary>The .NET version as the images tag it ("8.0" from ".NET 8", "ASP.NET Core 8", "dotnet 9.0"), or null.</summary>
    public string? DotnetVersion => Regex.Match(Text, @"(?:\.net|dotnet)(?:[\s\-]*core)?[\s\-:]*(\d{1,2})(?:\.0)?\b", I) is { Success: true } m ? m.Groups[1].Value + ".0" : null;

    /// <summary>The project file the words name ("Api.csproj", "Shop.Web.csproj"), or null.</summary>
    public string? Csproj => Regex.Match(Text, @"(?<![\w./-])((?:[\w\-]+/)*[\w.\-]+\.csproj)\b") is { Success: true } m ? m.Groups[1].Value : null;

    /// <summary>
    /// The Ollama model the words name: a library reference with a tag ("llama3.1:8b"), else the word after a word for
    /// "model" or "pull" ("il modello mistral", "pull qwen2.5"); null when none.
    /// </summary>
    public string? OllamaModel => Regex.Match(Text, @"(?<![\w./-])([a-z][\w.\-]*:\d[\w.\-]*)\b") is { Success: true } tagged ? tagged.Groups[1].Value
        : Regex.Match(Text, @"\b(?:pull\w*|model\w*|modell\w*|modelo)\s+(?:is\s+|je\s+|è\s+|ist\s+)?[`""']?([a-z][\w.\-]*[\w])", I) is { Success: true } named
          && !Regex.IsMatch(named.Groups[1].Value, @"^(?:the|a|an|il|el|la|der|die|das|that|which|when|at|on|in|from|with|da|di|de|s|za|pro)$", I) ? named.Groups[1].Value : null;
}
