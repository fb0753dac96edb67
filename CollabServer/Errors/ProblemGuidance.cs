namespace Collab.Server.Errors;

/// <summary>
/// The detail of a problem that was written with only a status: an unknown route, a refused
/// token, a body of the wrong type. Says what to do next, so no error reaches a client empty.
/// </summary>
public static class ProblemGuidance
{
    public const string ApiDescription = "The API is described at /openapi/v1.json and browsable at /api/docs.";

    public static string For(int status) => status switch
    {
        StatusCodes.Status401Unauthorized =>
            "Send a valid token as 'Authorization: Bearer <JWT>' (GET /api/auth/config says where to sign in).",
        StatusCodes.Status403Forbidden => "Your role in this project does not allow this.",
        StatusCodes.Status404NotFound => "No such route or resource, or it is not visible to you. " + ApiDescription,
        StatusCodes.Status405MethodNotAllowed => "This route does not take that HTTP method. " + ApiDescription,
        StatusCodes.Status415UnsupportedMediaType => "The body's Content-Type is not one this route reads. " + ApiDescription,
        >= 400 and < 500 => "The request was not understood. " + ApiDescription,
        _ => "The server failed to answer; try again, and tell the operator if it persists.",
    };
}
