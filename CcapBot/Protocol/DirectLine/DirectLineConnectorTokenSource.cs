using CcapBot.Protocol.Connector;

namespace CcapBot.Protocol.DirectLine;

/// <summary>
/// The bot's bearer token for replies to web chat conversations: a short token this service mints for
/// itself, bound to the one conversation in the URL. It must be asked before the Microsoft token source,
/// so the bot's Entra token is never sent to this URL and this token never leaves for another.
/// </summary>
public sealed class DirectLineConnectorTokenSource(DirectLineServiceUrls urls, DirectLineTokens tokens) : IConnectorTokenSource
{
    public bool CanServe(Uri serviceUrl) => ConversationOf(serviceUrl) is not null;

    public ValueTask<string?> GetTokenAsync(Uri serviceUrl, CancellationToken cancellationToken) =>
        ValueTask.FromResult(ConversationOf(serviceUrl) is { } conversationId ? tokens.IssueConnectorToken(conversationId) : null);

    /// <summary>The conversation id of a Connector call to this service: <c>{base}v3/conversations/{id}/…</c>.</summary>
    private string? ConversationOf(Uri url)
    {
        if (urls.OwnBaseOf(url) is not { } baseUrl) return null;
        var relative = url.AbsoluteUri[baseUrl.Length..];
        const string Prefix = "v3/conversations/";
        if (!relative.StartsWith(Prefix, StringComparison.Ordinal)) return null;
        var rest = relative[Prefix.Length..];
        var end = rest.IndexOfAny(['/', '?']);
        var escaped = end < 0 ? rest : rest[..end];
        return escaped.Length == 0 ? null : Uri.UnescapeDataString(escaped);
    }
}
