using System.Collections.Concurrent;

namespace Collab.Server.Hubs;

/// <summary>
/// Which hub connections of this node follow which project's chat, as whom: what a revocation
/// needs to take them out of the project's chat group.
/// </summary>
public sealed class ChatConnections
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, string>> _byProject = new();

    public void Add(string projectId, string connectionId, string userId) =>
        _byProject.GetOrAdd(projectId, _ => new ConcurrentDictionary<string, string>())[connectionId] = userId;

    public void Remove(string projectId, string connectionId)
    {
        if (_byProject.TryGetValue(projectId, out var connections)) connections.TryRemove(connectionId, out _);
    }

    public void RemoveConnection(string connectionId)
    {
        foreach (var connections in _byProject.Values) connections.TryRemove(connectionId, out _);
    }

    /// <summary>Every (project, user) following a chat on this node.</summary>
    public IReadOnlyList<(string ProjectId, string UserId)> Members() =>
        _byProject.SelectMany(p => p.Value.Values.Select(user => (p.Key, user))).Distinct().ToList();

    /// <summary>The connections of <paramref name="userId"/> (of everyone when null) in the project's chat.</summary>
    public IReadOnlyList<string> Of(string projectId, string? userId) =>
        _byProject.TryGetValue(projectId, out var connections)
            ? connections.Where(c => userId is null || c.Value == userId).Select(c => c.Key).ToList()
            : [];
}
