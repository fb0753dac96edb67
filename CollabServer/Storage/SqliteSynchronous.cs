namespace Collab.Server.Storage;

/// <summary>
/// <c>Storage:Sqlite:Synchronous</c>. In WAL mode <see cref="Normal"/> writes each commit to the
/// log without an fsync: a commit survives the process being killed (the guarantee acks make) but
/// the last few may be lost on power loss or an OS crash. <see cref="Full"/> fsyncs every commit
/// (survives power loss) at a cost in latency under load.
/// </summary>
public enum SqliteSynchronous
{
    Normal,
    Full,
}
