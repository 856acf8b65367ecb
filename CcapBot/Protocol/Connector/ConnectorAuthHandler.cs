using System.Net.Http.Headers;
using CcapBot.Protocol.Auth;

namespace CcapBot.Protocol.Connector;

/// <summary>
/// Attaches the bearer token for the request's serviceUrl, so callers never handle tokens. Registered sources
/// (e.g. the local Direct Line for its own URL) are asked in registration order; the first that claims the URL
/// answers. The bot's own Connector token answers every other URL, whatever order the sources were registered in.
/// </summary>
public sealed class ConnectorAuthHandler(IEnumerable<IConnectorTokenSource> sources, BotConnectorTokenSource botToken) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { } uri && request.Headers.Authorization is null)
        {
            var source = sources.FirstOrDefault(s => s.CanServe(uri)) ?? botToken;
            var token = await source.GetTokenAsync(uri, cancellationToken);
            if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return await base.SendAsync(request, cancellationToken);
    }
}
