namespace Collab.Server.Chat;

/// <summary>Turns a refused chat operation into the HTTP problem its <see cref="ChatErrorKind"/> stands for.</summary>
internal static class ChatErrorResults
{
    public static async Task<IResult> Run(Func<Task<IResult>> action)
    {
        try
        {
            return await action();
        }
        catch (ChatException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: ex.Kind switch
            {
                ChatErrorKind.NotFound => StatusCodes.Status404NotFound,
                ChatErrorKind.Forbidden => StatusCodes.Status403Forbidden,
                ChatErrorKind.Conflict => StatusCodes.Status409Conflict,
                _ => StatusCodes.Status400BadRequest,
            });
        }
    }
}
