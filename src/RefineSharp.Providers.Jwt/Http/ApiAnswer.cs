using System.Net;
using System.Text.Json;

namespace RefineSharp.Providers.Jwt.Http;

/// <summary>One answer of the API: the status and, when the body was JSON, its root element (a detached copy).</summary>
internal readonly record struct ApiAnswer(HttpStatusCode? Status, JsonElement? Body)
{
    /// <summary>The API could not be reached (or did not answer in time).</summary>
    public bool Unreachable => Status is null;

    public bool IsSuccess => Status is { } s && (int)s is >= 200 and < 300;

    public bool IsUnauthorized => Status is HttpStatusCode.Unauthorized;

    /// <summary>A refusal of the credentials or tokens: 400, 401 or 403.</summary>
    public bool IsRefusal => Status is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden;
}
