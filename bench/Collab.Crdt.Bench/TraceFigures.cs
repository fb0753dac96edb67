namespace Collab.Crdt.Bench;

/// <summary>
/// What one implementation measured on one trace (the JSON line both sides print). Peak RSS
/// covers the whole process, the parsed trace included, which both sides hold alike.
/// </summary>
internal sealed record TraceFigures(double ApplyMs, double EncodeMs, double LoadMs, int Size, string Sha256, long PeakRssBytes);
