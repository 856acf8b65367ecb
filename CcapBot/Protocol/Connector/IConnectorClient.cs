using CcapBot.Protocol.Schema;

namespace CcapBot.Protocol.Connector;

/// <summary>The Connector REST API (bot → channel), one method per operation.</summary>
public interface IConnectorClient
{
    Task<ResourceResponse> SendAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken);
    Task<ResourceResponse> ReplyAsync(string serviceUrl, string conversationId, string replyToId, Activity activity, CancellationToken cancellationToken);
    Task<ResourceResponse> UpdateAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken);
    Task DeleteAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken);
    Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken);
}

/// <summary>A Connector call answered with a non-success status after any retries.</summary>
public sealed class ConnectorException(int statusCode, string? code, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;
    public string? Code { get; } = code;

    /// <summary>The channel's Retry-After (429/503), so a later retry can honour it.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>403/404: the bot was removed or the conversation is gone; stop using the reference.</summary>
    public bool ReferenceIsGone => StatusCode is 403 or 404;
}
