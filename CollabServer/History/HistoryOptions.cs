namespace Collab.Server.History;

/// <summary>Notebook versions (section <c>History</c>), checked at start.</summary>
public sealed class HistoryOptions
{
    public const string Section = "History";

    /// <summary><c>History:QuietSeconds</c>: a notebook with edits gets an automatic version once nobody has edited it for this long.</summary>
    public double QuietSeconds { get; set; } = 60;

    /// <summary><c>History:MinSpacingSeconds</c>: automatic versions of one notebook are at least this far apart.</summary>
    public double MinSpacingSeconds { get; set; } = 300;

    /// <summary><c>History:DefaultPageSize</c>: versions listed when the client names no limit.</summary>
    public int DefaultPageSize { get; set; } = 50;

    /// <summary><c>History:MaxPageSize</c>: larger requested pages are cut to this.</summary>
    public int MaxPageSize { get; set; } = 200;

    /// <summary><c>History:MaxNameChars</c>: longest checkpoint name.</summary>
    public int MaxNameChars { get; set; } = 200;

    /// <summary><c>History:Retention</c>: which versions the background sweep keeps.</summary>
    public RetentionOptions Retention { get; set; } = new();

    public TimeSpan Quiet => TimeSpan.FromSeconds(QuietSeconds);
    public TimeSpan MinSpacing => TimeSpan.FromSeconds(MinSpacingSeconds);
}
