using System.Globalization;
using CcapBot.Protocol.Schema;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CcapBot.Protocol.DirectLine;

/// <summary>
/// The client side of Direct Line 3.0 under <c>/v3/directline</c>, as Web Chat and Direct Line JS use it
/// (their <c>domain</c> includes <c>/v3/directline</c>). Every call carries the secret or a token; a token
/// opens its own conversation only.
/// </summary>
public static partial class DirectLineEndpoints
{
    public const string Prefix = "/v3/directline";

    public static IEndpointRouteBuilder MapDirectLineEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(Prefix).DisableAntiforgery();
        group.MapPost("/tokens/generate", GenerateTokenAsync);
        group.MapPost("/tokens/refresh", RefreshTokenAsync);
        group.MapPost("/conversations", StartConversationAsync);
        group.MapGet("/conversations/{conversationId}", ReconnectAsync);
        group.MapPost("/conversations/{conversationId}/activities", PostActivityAsync);
        group.MapGet("/conversations/{conversationId}/activities", GetActivitiesAsync);
        group.MapGet("/conversations/{conversationId}/stream", StreamAsync);
        group.MapPost("/conversations/{conversationId}/upload", UploadAsync);
        return endpoints;
    }

    /// <summary>Secret only: a token for a new (not yet started) conversation; the bot is not contacted.</summary>
    private static async Task<IResult> GenerateTokenAsync(HttpContext http, DirectLineTokens tokens, DirectLineChannel channel)
    {
        var caller = await tokens.AuthenticateAsync(http.Request.Headers.Authorization);
        if (DirectLineHttp.Refuse(caller, null) is { } refusal) return refusal;
        if (caller.Kind != DirectLineCallerKind.Secret)
            return DirectLineHttp.Error(StatusCodes.Status403Forbidden, "BadArgument", "tokens/generate needs the Direct Line secret.");
        var (parameters, invalid) = await DirectLineHttp.ReadJsonAsync(http.Request, DirectLineJsonContext.Default.TokenParameters, optional: true);
        if (invalid is not null) return invalid;
        var userId = parameters?.User?.Id;
        // As the real service: a user id named in a token request must carry the reserved "dl_" prefix.
        if (userId is not null && !userId.StartsWith("dl_", StringComparison.Ordinal))
            return DirectLineHttp.Error(StatusCodes.Status400BadRequest, "BadArgument", "A user id in a token request must start with \"dl_\".");
        userId ??= "dl_" + Guid.NewGuid().ToString("N");

        var conversation = await channel.EnsureConversationAsync(DirectLineChannel.NewConversationId(), userId, parameters?.User?.Name, parameters?.Locale, http.RequestAborted);
        return Results.Json(new DirectLineConversation
        {
            ConversationId = conversation.Id,
            Token = tokens.Issue(conversation.Id, userId, parameters?.User?.Name),
            ExpiresIn = tokens.LifetimeSeconds,
        }, DirectLineJsonContext.Default.DirectLineConversation);
    }

    /// <summary>A token (not expired) for a fresh one with the same conversation and user.</summary>
    private static async Task<IResult> RefreshTokenAsync(HttpContext http, DirectLineTokens tokens)
    {
        var caller = await tokens.AuthenticateAsync(http.Request.Headers.Authorization);
        if (DirectLineHttp.Refuse(caller, null) is { } refusal) return refusal;
        if (caller.Kind != DirectLineCallerKind.Token)
            return DirectLineHttp.Error(StatusCodes.Status403Forbidden, "BadArgument", "Only a token can be refreshed.");
        return Results.Json(new DirectLineConversation
        {
            ConversationId = caller.ConversationId,
            Token = tokens.Issue(caller.ConversationId!, caller.UserId!, caller.UserName),
            ExpiresIn = tokens.LifetimeSeconds,
        }, DirectLineJsonContext.Default.DirectLineConversation);
    }

    /// <summary>
    /// 201 when this call starts the conversation (with a token: the token's; with the secret: a new one),
    /// 200 when the token's conversation was already started. The bot is told once, before the answer.
    /// </summary>
    private static async Task<IResult> StartConversationAsync(HttpContext http, DirectLineTokens tokens, DirectLineChannel channel, DirectLineServiceUrls urls)
    {
        var caller = await tokens.AuthenticateAsync(http.Request.Headers.Authorization);
        if (DirectLineHttp.Refuse(caller, null) is { } refusal) return refusal;
        var (parameters, invalid) = await DirectLineHttp.ReadJsonAsync(http.Request, DirectLineJsonContext.Default.TokenParameters, optional: true);
        if (invalid is not null) return invalid;

        var conversationId = caller.ConversationId ?? DirectLineChannel.NewConversationId();
        var userId = caller.UserId ?? parameters?.User?.Id ?? "dl_" + Guid.NewGuid().ToString("N");
        var userName = caller.UserName ?? parameters?.User?.Name;
        var conversation = await channel.EnsureConversationAsync(conversationId, userId, userName, parameters?.Locale, http.RequestAborted);
        var serviceUrl = urls.For(http.Request);
        var started = await channel.StartAsync(conversation, serviceUrl, http.RequestAborted);

        var token = tokens.Issue(conversation.Id, conversation.UserId, conversation.UserName);
        var body = new DirectLineConversation
        {
            ConversationId = conversation.Id,
            Token = token,
            ExpiresIn = tokens.LifetimeSeconds,
            // Everything since the start is replayed on the stream (the welcome, typically).
            StreamUrl = StreamUrl(serviceUrl, conversation.Id, 0, token),
        };
        return Results.Json(body, DirectLineJsonContext.Default.DirectLineConversation, statusCode: started ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    /// <summary>Reconnect: a new stream URL replaying after <c>watermark</c> (without one: only what comes next).</summary>
    private static async Task<IResult> ReconnectAsync(string conversationId, string? watermark, HttpContext http, DirectLineTokens tokens, IDirectLineStore store, DirectLineServiceUrls urls)
    {
        var caller = await tokens.AuthenticateAsync(http.Request.Headers.Authorization);
        if (DirectLineHttp.Refuse(caller, conversationId) is { } refusal) return refusal;
        if (await store.FindConversationAsync(conversationId, http.RequestAborted) is not { } conversation) return DirectLineHttp.NotFound("Conversation");
        if (!TryParseWatermark(watermark, out var after)) return BadWatermark();
        if (string.IsNullOrEmpty(watermark)) after = await store.LatestSequenceAsync(conversationId, http.RequestAborted);

        var token = caller.Kind == DirectLineCallerKind.Token
            ? tokens.Issue(conversationId, caller.UserId!, caller.UserName)
            : tokens.Issue(conversationId, conversation.UserId, conversation.UserName);
        return Results.Json(new DirectLineConversation
        {
            ConversationId = conversationId,
            Token = token,
            ExpiresIn = tokens.LifetimeSeconds,
            StreamUrl = StreamUrl(urls.For(http.Request), conversationId, after, token),
        }, DirectLineJsonContext.Default.DirectLineConversation);
    }

    private static async Task<IResult> PostActivityAsync(string conversationId, HttpContext http, DirectLineTokens tokens, IDirectLineStore store, DirectLineChannel channel, DirectLineServiceUrls urls)
    {
        var caller = await tokens.AuthenticateAsync(http.Request.Headers.Authorization);
        if (DirectLineHttp.Refuse(caller, conversationId) is { } refusal) return refusal;
        if (await store.FindConversationAsync(conversationId, http.RequestAborted) is not { } conversation) return DirectLineHttp.NotFound("Conversation");
        var (activity, invalid) = await DirectLineHttp.ReadActivityAsync(http.Request);
        if (invalid is not null) return invalid;

        // With a token the sender is the token's user, whatever the body says; with the secret the body names it.
        var sender = caller.Kind == DirectLineCallerKind.Token
            ? new ChannelAccount { Id = caller.UserId, Name = activity!.From?.Name ?? caller.UserName }
            : activity!.From is { Id.Length: > 0 } named ? named : null;
        if (sender is null) return DirectLineHttp.Error(StatusCodes.Status400BadRequest, "MissingProperty", "The activity needs from.id.");

        var id = await channel.PostFromUserAsync(conversation, activity, sender, urls.For(http.Request), http.RequestAborted);
        return Results.Json(new ResourceResponse { Id = id }, ProtocolJsonContext.Default.ResourceResponse);
    }

    /// <summary>The history after <c>watermark</c>, a page at a time; the answer's watermark asks for the next page.</summary>
    private static async Task<IResult> GetActivitiesAsync(string conversationId, string? watermark, HttpContext http, DirectLineTokens tokens, IDirectLineStore store, IOptions<DirectLineOptions> options)
    {
        var caller = await tokens.AuthenticateAsync(http.Request.Headers.Authorization);
        if (DirectLineHttp.Refuse(caller, conversationId) is { } refusal) return refusal;
        if (await store.FindConversationAsync(conversationId, http.RequestAborted) is null) return DirectLineHttp.NotFound("Conversation");
        if (!TryParseWatermark(watermark, out var after)) return BadWatermark();

        var page = await store.ReadAsync(conversationId, after, options.Value.PageSize, http.RequestAborted);
        var next = page.Count > 0 ? page[^1].Sequence : after;
        return Results.Bytes(DirectLineChannel.ActivitySet(page.Select(a => a.Json), DirectLineStreamSession.Watermark(next)), "application/json; charset=utf-8");
    }

    /// <summary>The stream URL is pre-authorised by its <c>t</c> parameter; no header is needed.</summary>
    private static async Task<IResult> StreamAsync(string conversationId, string? watermark, string? t, HttpContext http, DirectLineTokens tokens, IDirectLineStore store, DirectLineStreamSession stream)
    {
        if (!http.WebSockets.IsWebSocketRequest)
            return DirectLineHttp.Error(StatusCodes.Status400BadRequest, "BadArgument", "The stream is a WebSocket: connect to the streamUrl.");
        var caller = await tokens.AuthenticateTokenAsync(t);
        if (DirectLineHttp.Refuse(caller, conversationId) is { } refusal) return refusal;
        if (await store.FindConversationAsync(conversationId, http.RequestAborted) is null) return DirectLineHttp.NotFound("Conversation");
        if (!TryParseWatermark(watermark, out var after)) return BadWatermark();

        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        await stream.RunAsync(socket, conversationId, after, http.RequestAborted);
        return Results.Empty;
    }

    /// <summary>Attachments are not part of the C3 conversations yet; the page hides the upload button.</summary>
    private static async Task<IResult> UploadAsync(string conversationId, HttpContext http, DirectLineTokens tokens, ILoggerFactory loggers)
    {
        var caller = await tokens.AuthenticateAsync(http.Request.Headers.Authorization);
        if (DirectLineHttp.Refuse(caller, conversationId) is { } refusal) return refusal;
        var log = loggers.CreateLogger(typeof(DirectLineEndpoints));
        LogUploadRefused(log, conversationId);
        return DirectLineHttp.Error(StatusCodes.Status400BadRequest, "NotSupported", "File upload is not supported by this bot.");
    }

    internal static string StreamUrl(string serviceUrl, string conversationId, long watermark, string token)
    {
        var baseUrl = serviceUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? "wss://" + serviceUrl["https://".Length..]
            : serviceUrl.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? "ws://" + serviceUrl["http://".Length..]
            : serviceUrl;
        return $"{baseUrl}{Prefix.TrimStart('/')}/conversations/{Uri.EscapeDataString(conversationId)}/stream?watermark={DirectLineStreamSession.Watermark(watermark)}&t={Uri.EscapeDataString(token)}";
    }

    /// <summary>Watermarks are sequence numbers; empty means "from the beginning".</summary>
    private static bool TryParseWatermark(string? watermark, out long after)
    {
        after = 0;
        return string.IsNullOrEmpty(watermark) || long.TryParse(watermark, NumberStyles.None, CultureInfo.InvariantCulture, out after);
    }

    private static IResult BadWatermark() => DirectLineHttp.Error(StatusCodes.Status400BadRequest, "BadArgument", "The watermark is not one this service gave out.");

    [LoggerMessage(EventId = 1220, Level = LogLevel.Information, Message = "Refused an upload to {ConversationId}: uploads are not supported")]
    private static partial void LogUploadRefused(ILogger logger, string conversationId);
}
