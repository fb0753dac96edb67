namespace Collab.Copilot.ModelGen;

/// <summary>
/// Writes one tensor's raw bytes (little-endian, row-major with dimension 0 innermost) to the
/// stream. Called once while the file is written, so huge tensors never sit in memory whole.
/// </summary>
public delegate void GgufTensorData(Stream destination);
