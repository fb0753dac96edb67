using System.Text.Json.Nodes;
using Collab.Crdt.Encoding;
using Collab.Crdt.Protocols;

namespace Collab.Server.Rooms;

/// <summary>
/// Awareness states are written by clients, so a client could show itself as someone else. Before
/// a peer's awareness update is applied or forwarded (by either transport), the <c>user</c> object
/// of each state is rebuilt: the identity fields (<see cref="IdentityFields"/>) say the
/// authenticated user, only cosmetic fields (<see cref="CosmeticFields"/>) are kept from the client,
/// and entries for client ids another peer already holds are dropped.
/// </summary>
internal static class AwarenessIdentity
{
    /// <summary>What y-codemirror.next, JupyterLab and the web client read as "who this is".</summary>
    public static readonly string[] IdentityFields = ["id", "name", "username", "display_name"];

    /// <summary>What a client may choose for itself.</summary>
    public static readonly string[] CosmeticFields = ["color", "colorLight"];

    /// <summary>Throws <see cref="Collab.Crdt.CrdtFormatException"/> on a malformed update.</summary>
    public static byte[] Stamp(byte[] update, string userId, Func<ulong, bool> mayPublish)
    {
        var entries = Awareness.Decode(update).Where(e => mayPublish(e.ClientId)).ToList();
        var writer = new Lib0Writer(update.Length + 64 * entries.Count);
        writer.WriteVarUint((ulong)entries.Count);
        foreach (var (clientId, clock, state) in entries)
        {
            writer.WriteVarUint(clientId);
            writer.WriteVarUint((ulong)clock);
            writer.WriteVarString(state is JsonObject fields ? WithUser(fields, userId).ToJsonString() : state?.ToJsonString() ?? "null");
        }
        return writer.ToArray();
    }

    private static JsonObject WithUser(JsonObject state, string userId)
    {
        var user = new JsonObject();
        foreach (var field in IdentityFields) user[field] = userId;
        if (state["user"] is JsonObject claimed)
            foreach (var field in CosmeticFields)
                if (claimed[field] is JsonValue value && value.TryGetValue<string>(out var text)) user[field] = text;
        state["user"] = user;
        return state;
    }
}
