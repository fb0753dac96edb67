namespace Collab.Copilot.Authoring.Understanding;

/// <summary>A volume of a pasted container: a named volume or a host path, mounted at <paramref name="MountPath"/>.</summary>
/// <param name="Source">The volume's name, or the host path as written.</param>
/// <param name="MountPath">Where the container sees it.</param>
/// <param name="HostPath">True for a host directory (<c>./data</c>, <c>/mnt/data</c>), which a restricted pod cannot mount.</param>
public sealed record RunVolume(string Source, string MountPath, bool HostPath);
