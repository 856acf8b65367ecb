using System.Text.Json;
using CcapBot.Protocol.Schema;
using Microsoft.AspNetCore.Http;

namespace CcapBot.Protocol.DirectLine;

/// <summary>Shared HTTP edge rules of the Direct Line and Connector endpoints: refusals change nothing.</summary>
internal static class DirectLineHttp
{
    public static IResult Error(int status, string code, string message) =>
        Results.Json(new ErrorResponse { Error = new ErrorDetail { Code = code, Message = message } }, ProtocolJsonContext.Default.ErrorResponse, statusCode: status);

    /// <summary>401 without a usable credential, 403 TokenExpired (as the real service), 403 for another conversation.</summary>
    public static IResult? Refuse(DirectLineCaller caller, string? conversationId)
    {
        switch (caller.Kind)
        {
            case DirectLineCallerKind.Missing:
                return Error(StatusCodes.Status401Unauthorized, "Unauthorized", "An Authorization header with the Direct Line secret or a token is required.");
            case DirectLineCallerKind.Invalid:
                return Error(StatusCodes.Status401Unauthorized, "Unauthorized", "The token or secret is not valid.");
            case DirectLineCallerKind.Expired:
                return Error(StatusCodes.Status403Forbidden, "TokenExpired", "Token expired");
        }
        return conversationId is not null && !caller.CanAccess(conversationId)
            ? Error(StatusCodes.Status403Forbidden, "BadArgument", "The token is not valid for this conversation.")
            : null;
    }

    public static IResult NotFound(string what) => Error(StatusCodes.Status404NotFound, "BadArgument", $"{what} not found.");

    /// <summary>Reads one JSON document of type <typeparamref name="T"/>: 415 (not JSON), 413 (over the limit), 400 (malformed).</summary>
    public static async Task<(T? Value, IResult? Refusal)> ReadJsonAsync<T>(HttpRequest request, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, bool optional = false)
        where T : class
    {
        if (optional && request.ContentLength is null or 0 && !request.Headers.TransferEncoding.Any(v => v is not null && v.Contains("chunked", StringComparison.OrdinalIgnoreCase)))
            return (null, null);
        if (!IsJson(request.ContentType))
            return (null, Error(StatusCodes.Status415UnsupportedMediaType, "BadArgument", "The body must be JSON (Content-Type: application/json)."));
        if (request.ContentLength > MessagesEndpoint.MaxBodyBytes) return (null, TooLarge());
        var body = await MessagesEndpoint.ReadBodyAsync(request, request.HttpContext.RequestAborted);
        if (body is null) return (null, TooLarge());
        if (optional && body.Value.Length == 0) return (null, null);
        try
        {
            if (JsonSerializer.Deserialize(body.Value.Span, type) is { } value) return (value, null);
        }
        catch (JsonException)
        {
            // answered below
        }
        return (null, Error(StatusCodes.Status400BadRequest, "BadArgument", "The body is not valid JSON of the expected shape."));
    }

    /// <summary>An activity body; a missing <c>type</c> is malformed.</summary>
    public static async Task<(Activity? Activity, IResult? Refusal)> ReadActivityAsync(HttpRequest request)
    {
        var (activity, refusal) = await ReadJsonAsync(request, ProtocolJsonContext.Default.Activity);
        if (refusal is not null) return (null, refusal);
        return string.IsNullOrWhiteSpace(activity?.Type)
            ? (null, Error(StatusCodes.Status400BadRequest, "MissingProperty", "The activity needs a type."))
            : (activity, null);
    }

    private static IResult TooLarge() =>
        Error(StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig", $"The body is over {MessagesEndpoint.MaxBodyBytes / 1024} KB.");

    private static bool IsJson(string? contentType) =>
        contentType is not null && (contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
            || (contentType.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && contentType.Contains("+json", StringComparison.OrdinalIgnoreCase)));
}
