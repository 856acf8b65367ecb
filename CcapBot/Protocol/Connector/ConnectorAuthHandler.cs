using System.Net.Http.Headers;

namespace CcapBot.Protocol.Connector;

/// <summary>Attaches the bearer token for the request's serviceUrl, so callers never handle tokens.</summary>
public sealed class ConnectorAuthHandler(IEnumerable<IConnectorTokenSource> sources) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { } uri && request.Headers.Authorization is null)
        {
            foreach (var source in sources)
            {
                if (!source.CanServe(uri)) continue;
                var token = await source.GetTokenAsync(uri, cancellationToken);
                if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                break;
            }
        }
        return await base.SendAsync(request, cancellationToken);
    }
}
