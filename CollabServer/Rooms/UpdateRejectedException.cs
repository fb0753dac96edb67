using Collab.Server.Errors;

namespace Collab.Server.Rooms;

public sealed class UpdateRejectedException(string message, ErrorCode code = ErrorCode.Invalid) : RefusalException(code, message);
