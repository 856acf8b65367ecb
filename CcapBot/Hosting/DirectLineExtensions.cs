using CcapBot.Features.Access;
using CcapBot.Persistence;
using CcapBot.Protocol.Auth;
using CcapBot.Protocol.Connector;
using CcapBot.Protocol.DirectLine;
using Microsoft.Extensions.Options;

namespace CcapBot.Hosting;

/// <summary>
/// The embedded web chat: the local Direct Line service, the Connector endpoints the bot replies to, and
/// the page at <c>/</c>. Only composed when enabled (<see cref="DirectLineOptions"/>); otherwise none of
/// it is mapped and those paths answer 404.
/// </summary>
public static partial class DirectLineExtensions
{
    public static IHostApplicationBuilder AddDirectLine(this IHostApplicationBuilder builder)
    {
        if (!IsEnabled(builder.Configuration)) return builder;
        var services = builder.Services;
        services.AddOptions<DirectLineOptions>()
            .BindConfiguration(DirectLineOptions.SectionName)
            .ValidateDataAnnotations()
            // With an app id the service is deployed (possibly on several instances): every instance must
            // verify every other's tokens, and replies from any instance must find the public URL.
            .Validate<IOptions<BotAuthOptions>>((o, bot) => !bot.Value.AuthenticationEnabled || !string.IsNullOrWhiteSpace(o.Secret),
                "DirectLine:Secret (a secret: environment variable DirectLine__Secret, user-secrets or Key Vault) is required for the web chat when Bot:AppId is configured.")
            .Validate<IOptions<BotAuthOptions>>((o, bot) => !bot.Value.AuthenticationEnabled || o.ServiceUrl is not null,
                "DirectLine:ServiceUrl (this service's public https URL) is required for the web chat when Bot:AppId is configured.")
            .ValidateOnStart();

        services.AddSingleton<DirectLineTokens>();
        services.AddSingleton<DirectLineHub>();
        services.AddSingleton<DirectLineServiceUrls>();
        services.AddScoped<IDirectLineStore, DirectLineStore>();
        services.AddScoped<DirectLineChannel>();
        services.AddScoped<DirectLineStreamSession>();
        // First among the connector token sources whatever the order of Add… calls: ConnectorAuthHandler
        // asks them in registration order, and replies to this service must never get the Entra token.
        services.Insert(0, ServiceDescriptor.Singleton<IConnectorTokenSource, DirectLineConnectorTokenSource>());
        return builder;
    }

    public static WebApplication MapDirectLine(this WebApplication app)
    {
        if (!IsEnabled(app.Configuration)) return app;
        app.UseWebSockets();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.MapDirectLineEndpoints();
        app.MapDirectLineConnectorEndpoints();
        app.MapWebChatSessionEndpoint();
        // The page's "act as demo coordinator" switch: never mapped outside Development.
        if (app.Environment.IsDevelopment()) app.MapDemoCoordinatorEndpoint();
        app.Lifetime.ApplicationStarted.Register(() => LogWebChatUrls(app));
        return app;
    }

    private static bool IsEnabled(IConfiguration configuration) => DirectLineOptions.IsEnabled(
        configuration.GetValue<bool?>($"{DirectLineOptions.SectionName}:{nameof(DirectLineOptions.Enabled)}"),
        configuration[$"{BotAuthOptions.SectionName}:{nameof(BotAuthOptions.AppId)}"],
        configuration[$"{DirectLineOptions.SectionName}:{nameof(DirectLineOptions.Secret)}"]);

    /// <summary>README: "dotnet run --project CcapBot" prints where to chat.</summary>
    private static void LogWebChatUrls(WebApplication app)
    {
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DirectLineExtensions));
        var configured = app.Services.GetRequiredService<IOptions<DirectLineOptions>>().Value.ServiceUrl;
        IEnumerable<string> urls = configured is not null ? [configured.AbsoluteUri] : app.Urls.Select(Browsable);
        foreach (var url in urls.Distinct(StringComparer.OrdinalIgnoreCase)) LogWebChat(log, url);
    }

    /// <summary>A listening address as a browser would open it ("http://[::]:3978" → "http://localhost:3978/").</summary>
    private static string Browsable(string address)
    {
        if (!Uri.TryCreate(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal), UriKind.Absolute, out var uri))
            return address;
        var builder = new UriBuilder(uri);
        if (builder.Host is "0.0.0.0" or "[::]" or "::") builder.Host = "localhost";
        return builder.Uri.AbsoluteUri;
    }

    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "Web chat: {Url}")]
    private static partial void LogWebChat(ILogger logger, string url);
}
