using System.Text.Json;
using CcapBot.Protocol.Auth;
using CcapBot.Protocol.Schema;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CcapBot.Protocol;

/// <summary>
/// <c>POST /api/messages</c>: the one door channels knock on. Refusals happen before anything is
/// stored: 405 (method), 415 (content type), 413 (size), 401 (token), 400 (body).
/// </summary>
public static partial class MessagesEndpoint
{
    public const string Path = "/api/messages";
    /// <summary>Direct Line's own inbound limit is 256K characters; the same bound protects us.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    public static IEndpointRouteBuilder MapMessagesEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Path, HandleAsync).DisableAntiforgery();
        endpoints.MapMethods(Path, ["GET", "PUT", "DELETE", "PATCH", "HEAD"], () => Results.StatusCode(StatusCodes.Status405MethodNotAllowed));
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(HttpContext http, IRequestAuthenticator authenticator, IActivityProcessor processor, ILoggerFactory loggers)
    {
        var log = loggers.CreateLogger(typeof(MessagesEndpoint));
        var request = http.Request;
        if (!IsJson(request.ContentType)) return Results.StatusCode(StatusCodes.Status415UnsupportedMediaType);
        if (request.ContentLength > MaxBodyBytes) return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);

        var body = await ReadBodyAsync(request, http.RequestAborted);
        if (body is null) return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);

        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize(body.Value.Span, ProtocolJsonContext.Default.Activity);
        }
        catch (JsonException)
        {
            activity = null;
        }

        // Same order as the SDK's CloudAdapter: an unreadable body is 400 before the token is judged.
        if (activity is null || string.IsNullOrEmpty(activity.Type)) return Results.BadRequest();
        var auth = await authenticator.AuthenticateAsync(request.Headers.Authorization, activity, http.RequestAborted);
        if (!auth.Succeeded)
        {
            LogRefused(log, auth.Failure ?? "unauthorized");
            return Results.StatusCode(StatusCodes.Status401Unauthorized);
        }

        // The turn runs to completion even if the caller hangs up: a half-done turn is worse than a late one.
        var invokeResponse = await processor.ProcessAsync(activity, CancellationToken.None);
        if (invokeResponse is null) return Results.Ok();
        return invokeResponse.Body is { } invokeBody
            ? Results.Json(invokeBody, ProtocolJsonContext.Default.JsonElement, statusCode: invokeResponse.Status)
            : Results.StatusCode(invokeResponse.Status);
    }

    private static bool IsJson(string? contentType) =>
        contentType is not null && (contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
            || (contentType.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && contentType.Contains("+json", StringComparison.OrdinalIgnoreCase)));

    /// <returns>The body, or null when it exceeds <see cref="MaxBodyBytes"/> (chunked bodies have no Content-Length).</returns>
    internal static async Task<ReadOnlyMemory<byte>?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream(request.ContentLength is > 0 and <= MaxBodyBytes ? (int)request.ContentLength : 4096);
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "Refused a request to /api/messages: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);
}
