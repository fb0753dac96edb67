using System.Text.RegularExpressions;

namespace Collab.Copilot.Authoring.Dockerfiles;

/// <summary>
/// What a Dockerfile request states, in any of the six languages: the base family and its
/// version (CUDA, Python, R), the dependency file (requirements.txt, pyproject.toml,
/// environment.yml), the packages named after "with"/"s"/"amb"/"con"/"mit", the port.
/// </summary>
internal sealed partial record DockerfileRequest(string Text)
{
    private const RegexOptions I = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    public string Lower { get; } = Text.ToLowerInvariant();

    /// <summary>The CUDA version stated ("CUDA 12.4", "nvidia/cuda:12.1", "cuda12.8"), or null.</summary>
    public string? Cuda => CudaVersion().Match(Text) is { Success: true } m ? m.Groups[1].Value : null;

    public string? Python => PythonVersion().Match(Text) is { Success: true } m ? m.Groups[1].Value : null;

    /// <summary>The R version ("R 4.4"), or null.</summary>
    public string? R => RVersion().Match(Text) is { Success: true } m ? m.Groups[1].Value : null;

    public bool WantsR => RVersion().IsMatch(Text) || Regex.IsMatch(Text, @"\b(rocker|shiny|tidyverse|cran|rstudio|Rscript)\b", I);

    public bool WantsConda => Regex.IsMatch(Text, @"\b(micromamba|mamba|conda|anaconda|miniconda|miniforge)\b|environment\.ya?ml", I);

    public bool Requirements => Lower.Contains("requirements.txt");

    /// <summary>The conda environment file as the asker spells it (environment.yaml or environment.yml).</summary>
    public string EnvironmentFile => Lower.Contains("environment.yaml") ? "environment.yaml" : "environment.yml";

    /// <summary>
    /// The image the asker names for the final stage ("final image debian:12-slim", "završna slika
    /// gcr.io/distroless/static", "immagine finale eclipse-temurin:21-jre", "am ende ein scratch image"), or null.
    /// </summary>
    public string? FinalBase => FinalImage().Match(Text) is { Success: true } m && !NotAnImage().IsMatch(m.Groups["img"].Value) ? m.Groups["img"].Value.ToLowerInvariant() : null;

    /// <summary>
    /// The ASGI/WSGI app the words name for uvicorn or gunicorn ("uvicorn main:app"), or the module of the
    /// Python file a web framework's code is said to be in ("the code is in app/main.py" → app.main:app); else null.
    /// </summary>
    public string? AppModule => Regex.Match(Text, @"\b(?:uvicorn|gunicorn)\s+([\w.]+:[\w]+)\b") is { Success: true } m ? m.Groups[1].Value
        : Framework().IsMatch(Text) && Script is { } file && Regex.IsMatch(file, @"^[A-Za-z_][\w/]*\.py$") ? file[..^3].Replace('/', '.') + ":app" : null;

    public bool Pyproject => Regex.IsMatch(Lower, @"pyproject(\.toml)?|\bpoetry\b|\buv\b");

    /// <summary>Poetry installs the project ("poetry project", "amb poetry").</summary>
    public bool Poetry => Regex.IsMatch(Lower, @"\bpoetry\b");

    /// <summary>uv installs the dependencies ("with uv", "s uv-om", "con uv").</summary>
    public bool Uv => Regex.IsMatch(Lower, @"(?<![\w./-])uv(?![\w.])|(?<![\w])uv-?\p{L}{1,3}\b");

    /// <summary>A Jupyter image is asked for ("jupyter image with jupyterlab-git").</summary>
    public bool WantsJupyter => Regex.IsMatch(Lower, @"\bjupyter(lab)?\b");

    /// <summary>A build stage is asked for ("multi-stage", "build-stage mit gcc"), or compiled wheels need a compiler the runtime image should not carry.</summary>
    public bool MultiStage => Regex.IsMatch(Lower, @"multi[\s\-]?stage|mehrstufig|build[\s\-]?stage|\bgcc\b|build-essential");

    /// <summary>The Node.js major version stated ("node 20", "node:20", "nodejs 18"), or null.</summary>
    public string? NodeMajor => Regex.Match(Lower, @"\bnode(?:\.?js)?[\s:\-]*v?(\d{2})\b") is { Success: true } m ? m.Groups[1].Value : null;

    /// <summary>The port stated ("port 8080", "na portu 8000", "sulla porta 3838"), or null.</summary>
    public int? Port => PortNumber().Match(Text) is { Success: true } m ? int.Parse(m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) : null;

    /// <summary>The Python script the request says the image runs ("runs python serve.py", "parte con python bot.py"), or null.</summary>
    public string? Script => ScriptName().Match(Text) is { Success: true } m ? m.Groups[1].Value : null;

    /// <summary>The Python module the request says the image runs ("python -m worker"), or null.</summary>
    public string? Module => ModuleName().Match(Text) is { Success: true } m ? m.Groups[1].Value : null;

    /// <summary>
    /// The command the request names for the image, in exec form ("the entrypoint should be snakemake", "command celery -A tasks
    /// worker", "naredba python -m worker"): the program and its arguments up to the end of the clause; null when none is named.
    /// </summary>
    public string? StatedCommand => EntrypointWord().Match(Text) is { Success: true } m
        ? "[" + string.Join(", ", m.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(a => $"\"{a}\"")) + "]" : null;

    /// <summary>The exec-form CMD that runs the stated script or module with <paramref name="python"/>, or null when neither is stated.</summary>
    public string? ScriptCommand(string python = "python") =>
        Script is { } script ? $"[\"{python}\", \"{script}\"]" : Module is { } module ? $"[\"{python}\", \"-m\", \"{module}\"]" : null;

    /// <summary>Package names stated after a "with" of any language, and frameworks named anywhere.</summary>
    /// <param name="asWritten">Keep the asker's letter case: CRAN names are case-sensitive ("DT", "R6"); pip and conda names are not.</param>
    public List<string> Packages(bool asWritten = false)
    {
        var result = new List<string>();
        foreach (Match clause in WithClause().Matches(Text))
            result.AddRange(Regex.Split(clause.Groups[1].Value, @"\s*(?:,|\band\b|\bi\b|\be\b|\bund\b|\ba\b|\+|&)\s*|\s+")
                .Select(p => p.Trim().Trim('.', ',', ')', '('))
                .Where(p => p.ToLowerInvariant() is var lower && Regex.IsMatch(lower, @"^[a-z][a-z0-9_.\-\[\]]*[a-z0-9\]]$") && !NotAPackage().IsMatch(lower) && !lower.EndsWith(".r", StringComparison.Ordinal))
                .Select(p => asWritten ? p : p.ToLowerInvariant())
                .Select(p => p is "sklearn" or "scikit" ? "scikit-learn" : p));
        foreach (Match framework in Framework().Matches(Text))
            result.Add(framework.Value.ToLowerInvariant());
        return result.Distinct().Where(p => !AptPackages.Contains(p) && !p.EndsWith(".py", StringComparison.Ordinal)).ToList();
    }

    [GeneratedRegex(@"cud(?:a|i|u|om|ě|e)?[\s:\-]*v?(\d{2}\.\d)", RegexOptions.IgnoreCase)]
    private static partial Regex CudaVersion();

    [GeneratedRegex(@"(?<![\w])(?:python(?:om|em|u|a)?|py)[\s:\-]*(3\.\d{1,2})\b", RegexOptions.IgnoreCase)]
    private static partial Regex PythonVersion();

    [GeneratedRegex(@"(?<![\w./-])(?:R[\s\-]?|rocker/[\w\-]+[\s:]?|r-ver[\s:]?)(\d\.\d)\b")]
    private static partial Regex RVersion();

    // "port 8080", "listens on 8080", "jupyterlab on 8888": a number of four or five digits after "on" is a port too.
    [GeneratedRegex(@"(?<![\w])(?:port\w*|listen\w*\s+on|lauscht\s+auf|serv(?:es|ing)\s+on|runs?\s+on)\s*[:=]?\s*(\d{2,5})\b|(?<![\w])on\s+:?(\d{4,5})\b", RegexOptions.IgnoreCase)]
    private static partial Regex PortNumber();

    [GeneratedRegex(@"(?<![\w./-])([\w\-]+(?:/[\w\-]+)*\.py)(?![\w])")]
    private static partial Regex ScriptName();

    [GeneratedRegex(@"(?<![\w])(?:entry\s*-?\s*point|cmd|command(?!\s*-?\s*line)|naredb[aum]|příkaz(?:em)?|comanda|comando|befehl)\s*(?:should\s+be|must\s+be|is|will\s+be|je|bude|má\s+být|mora\s+biti|treba\s+biti|és|ha\s+de\s+ser|sarà|deve\s+essere|è|ist|soll\s+sein|soll|muss\s+sein|[:=])?\s*[`""']?([a-z][\w\-]*(?:[ \t]+(?!(?:and|i|a|e|y|und|on|na|sulla|auf|port\w*)\b)(?:-{1,2}[\w\-=.]+|[\w.\-/=:]+))*)(?![\w\-/])", RegexOptions.IgnoreCase)]
    private static partial Regex EntrypointWord();

    [GeneratedRegex(@"(?<![\w])python3?\s+-m\s+([A-Za-z_][\w.]*[\w])")]
    private static partial Regex ModuleName();

    // A list of packages follows "with" of any language, or a word for "packages" ("paketi dplyr i ggplot2", "Pakete renv und shiny").
    [GeneratedRegex(@"(?<![\w])(?:with|has|having|including|containing|s|sa|se|amb|con|mit|plus|packages|paketi|paketima|paket[ey]n?|balíčky|balíčk\w+|paquets|pacchetti)\s+(.+?)(?:\.(?:\s|$)|;|\bfor\b|\bon\b|\bserving\b|\brunning\b|\bza\b|\bpro\b|\bper\b|\bfür\b|\bsulla\b|\bal\b|\bauf\b|\bna\b|\bu\b|\bve\b|$)", RegexOptions.IgnoreCase)]
    private static partial Regex WithClause();

    // The final stage's image after its words, in either order: "final image X", "runtime stage: X", "završna slika X",
    // "finální obraz X", "imatge final X", "immagine finale X", "am ende ein X image".
    [GeneratedRegex(@"(?:final\w*|runtime|laufzeit|završn\w*|konačn\w*|finální|letzt\w*)[\s\-]+(?:image|stage|base|slik\w*|obraz\w*|imatge|immagine|fáze|etapa|fase)\s*[:=]?\s*(?:(?:is|je|è|ist|on|auf|na)\s+)?[`""]?(?<img>[a-z0-9][\w./:\-@]*[\w])|(?:imatge|immagine|image|slika)\s+final\w*\s*[:=]?\s*[`""]?(?<img>[a-z0-9][\w./:\-@]*[\w])|am\s+ende\s+(?:(?:ein|eine|auf|mit|als)\s+)*[`""]?(?<img>[a-z0-9][\w./:\-@]*[\w])", RegexOptions.IgnoreCase)]
    private static partial Regex FinalImage();

    // Words after "final image" that are not an image: articles, verbs, the stage's own words.
    [GeneratedRegex(@"^(?:a|an|the|should|must|will|is|be|to|with|from|size|image|stage|runs?|based|uses?|only|ein|eine|auf|der|die|das|un|una|il|la|el|je|bude|má|ma|od|da|de|von|aus)$", RegexOptions.IgnoreCase)]
    private static partial Regex NotAnImage();

    [GeneratedRegex(@"\b(fastapi|flask|django|streamlit|uvicorn|gunicorn)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Framework();

    // Words after "with" that are not packages: base families, tools, nouns of any language.
    [GeneratedRegex(@"^(python3?|python\d\.\d+|pythonom|slim|alpine|cuda|pytorch|torch|a|an|the|my|gpu|gpus|nodes|nvcc|cudnn|gcc|make|cmake|git|curl|wget|build|tools|r|micromamba|mamba|conda|condou|rocker|environment\.ya?ml|requirements\.txt|pyproject\.toml|pyproject|packages?|paket\w*|balíčk\w*|balick\w*|paquet\w*|pacchett\w*|bibliotek\w*|librer\w*|llibrer\w*|aplikac\w*|app\w*|application|image|dockerfile|shiny|port\w*|\d[\d.]*|data|dependencies|deps|ovisnost\w*|závislost\w*|dipendenz\w*|dependènci\w*|abhängigkeit\w*|jupyterlab?|notebook|runtime|devel|ubuntu\w*|uv|poetry|meinem|meiner|mojim|mým|il|el|la|les|der|die|das|dem|den|ekstenzij\w*|extensi\w*|estensi\w*|erweiterung\w*|rozšířen\w*|user\w*|utent\w*|usuari\w*|korisni\w*|uživatel\w*|benutzer\w*|non|not|nicht|root|wheels?|nginx|apt|apt-get|uid)$", RegexOptions.IgnoreCase)]
    private static partial Regex NotAPackage();
}
