using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace CcapBot.Protocol.DirectLine;

/// <summary>
/// This service's own base URL(s): the configured <see cref="DirectLineOptions.ServiceUrl"/>, otherwise
/// the base of each request (remembered, so the connector token source knows the URLs the bot will call).
/// </summary>
public sealed class DirectLineServiceUrls(IOptions<DirectLineOptions> options, IServer server)
{
    private const int MaxRemembered = 64;
    private readonly ConcurrentDictionary<string, byte> _seen = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The serviceUrl to stamp on activities received through this request (ends with '/').</summary>
    public string For(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (options.Value.ServiceUrl is { } configured) return WithSlash(configured.AbsoluteUri);
        var url = WithSlash($"{request.Scheme}://{request.Host.Value}{request.PathBase.Value}");
        if (_seen.Count < MaxRemembered) _seen.TryAdd(url, 0);
        return url;
    }

    /// <summary>
    /// The base of <paramref name="url"/> if it is one of ours. Without a configured URL, a loopback URL on a
    /// port this server listens on counts as ours too, so replies still find the way after a restart; any
    /// other loopback service (the Emulator, a local connector) is not us and gets no token of ours.
    /// </summary>
    public string? OwnBaseOf(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (options.Value.ServiceUrl is { } configured)
            return Matches(url, WithSlash(configured.AbsoluteUri)) ? WithSlash(configured.AbsoluteUri) : null;
        foreach (var seen in _seen.Keys)
        {
            if (Matches(url, seen)) return seen;
        }
        var loopback = url.IsLoopback || IPAddress.TryParse(url.DnsSafeHost, out var ip) && IPAddress.IsLoopback(ip);
        return loopback && ListensOn(url.Port) ? url.GetLeftPart(UriPartial.Authority) + "/" : null;
    }

    private bool ListensOn(int port) =>
        server.Features.Get<IServerAddressesFeature>()?.Addresses
            .Any(a => Uri.TryCreate(a.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal), UriKind.Absolute, out var bound) && bound.Port == port) == true;

    private static bool Matches(Uri url, string baseUrl) => url.AbsoluteUri.StartsWith(baseUrl, StringComparison.OrdinalIgnoreCase);

    private static string WithSlash(string url) => url.EndsWith('/') ? url : url + "/";
}
