using CcapBot.Protocol.Schema;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CcapBot.Protocol.DirectLine;

/// <summary>
/// The Connector REST API (bot → channel) for web chat conversations, at the serviceUrl this service stamps
/// on their activities: send, reply, update (PUT) and delete. Only the bot's own calls get in: each carries
/// a token this service minted for that one conversation (<see cref="DirectLineConnectorTokenSource"/>).
/// </summary>
public static class DirectLineConnectorEndpoints
{
    public static IEndpointRouteBuilder MapDirectLineConnectorEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/v3/conversations/{conversationId}/activities").DisableAntiforgery();
        group.MapPost("/", SendAsync);
        group.MapPost("/{activityId}", ReplyAsync);
        group.MapPut("/{activityId}", UpdateAsync);
        group.MapDelete("/{activityId}", DeleteAsync);
        return endpoints;
    }

    private static Task<IResult> SendAsync(string conversationId, HttpContext http, DirectLineTokens tokens, DirectLineChannel channel, DirectLineServiceUrls urls) =>
        PostAsync(conversationId, null, http, tokens, channel, urls);

    private static Task<IResult> ReplyAsync(string conversationId, string activityId, HttpContext http, DirectLineTokens tokens, DirectLineChannel channel, DirectLineServiceUrls urls) =>
        PostAsync(conversationId, activityId, http, tokens, channel, urls);

    private static async Task<IResult> PostAsync(string conversationId, string? replyToId, HttpContext http, DirectLineTokens tokens, DirectLineChannel channel, DirectLineServiceUrls urls)
    {
        if (!await tokens.IsConnectorTokenForAsync(http.Request.Headers.Authorization, conversationId)) return Unauthorized();
        var (activity, invalid) = await DirectLineHttp.ReadActivityAsync(http.Request);
        if (invalid is not null) return invalid;
        var id = await channel.PostFromBotAsync(conversationId, activity!, replyToId, urls.For(http.Request), http.RequestAborted);
        return id is null
            ? DirectLineHttp.Error(StatusCodes.Status404NotFound, "ConversationNotFound", "Conversation not found.")
            : Results.Json(new ResourceResponse { Id = id }, ProtocolJsonContext.Default.ResourceResponse);
    }

    private static async Task<IResult> UpdateAsync(string conversationId, string activityId, HttpContext http, DirectLineTokens tokens, DirectLineChannel channel, DirectLineServiceUrls urls)
    {
        if (!await tokens.IsConnectorTokenForAsync(http.Request.Headers.Authorization, conversationId)) return Unauthorized();
        var (activity, invalid) = await DirectLineHttp.ReadActivityAsync(http.Request);
        if (invalid is not null) return invalid;
        return await channel.UpdateFromBotAsync(conversationId, activityId, activity!, urls.For(http.Request), http.RequestAborted)
            ? Results.Json(new ResourceResponse { Id = activityId }, ProtocolJsonContext.Default.ResourceResponse)
            : ActivityNotFound();
    }

    private static async Task<IResult> DeleteAsync(string conversationId, string activityId, HttpContext http, DirectLineTokens tokens, DirectLineChannel channel)
    {
        if (!await tokens.IsConnectorTokenForAsync(http.Request.Headers.Authorization, conversationId)) return Unauthorized();
        return await channel.DeleteFromBotAsync(conversationId, activityId, http.RequestAborted) ? Results.Ok() : ActivityNotFound();
    }

    private static IResult Unauthorized() =>
        DirectLineHttp.Error(StatusCodes.Status401Unauthorized, "Unauthorized", "Only the bot may call the Connector API of this conversation.");

    private static IResult ActivityNotFound() =>
        DirectLineHttp.Error(StatusCodes.Status404NotFound, "ActivityNotFoundInConversation", "Activity not found in this conversation.");
}
