using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CcapBot.Protocol.DirectLine;

/// <summary>
/// <c>POST /api/webchat/session</c>: the web chat page's same-origin token endpoint (the job a site's own
/// server does with the Direct Line secret). The page sends the stable user id it keeps in the browser
/// (<c>dl_</c> + a random GUID, which acts as that browser's key to its history) and gets a token for
/// that user's latest conversation, so a reload resumes it, or for a new one.
/// </summary>
public static partial class WebChatSessionEndpoint
{
    public const string Path = "/api/webchat/session";

    public static IEndpointRouteBuilder MapWebChatSessionEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Path, CreateAsync).DisableAntiforgery();
        return endpoints;
    }

    private static async Task<IResult> CreateAsync(HttpContext http, DirectLineTokens tokens, IDirectLineStore store, DirectLineChannel channel)
    {
        var (request, invalid) = await DirectLineHttp.ReadJsonAsync(http.Request, DirectLineJsonContext.Default.WebChatSessionRequest);
        if (invalid is not null) return invalid;
        if (request?.UserId is not { } userId || !UserIdPattern().IsMatch(userId))
            return DirectLineHttp.Error(StatusCodes.Status400BadRequest, "BadArgument", "userId must be \"dl_\" followed by a GUID.");
        var locale = request.Locale is { Length: <= 20 } l ? l : null;

        var conversation = await store.FindLatestConversationOfUserAsync(userId, http.RequestAborted)
            ?? await channel.EnsureConversationAsync(DirectLineChannel.NewConversationId(), userId, null, locale, http.RequestAborted);
        return Results.Json(new WebChatSession(conversation.Id, tokens.Issue(conversation.Id, userId, null), tokens.LifetimeSeconds, userId, conversation.StartedAt is not null),
            DirectLineJsonContext.Default.WebChatSession);
    }

    [GeneratedRegex("^dl_[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$")]
    private static partial Regex UserIdPattern();
}
