using CcapBot.Cards;
using CcapBot.Conversations;
using CcapBot.Conversations.Dialogs;
using CcapBot.Conversations.Forms;
using CcapBot.Localization;
using CcapBot.Protocol;
using CcapBot.Protocol.Auth;
using CcapBot.Protocol.Connector;

namespace CcapBot.Hosting;

public static class BotExtensions
{
    /// <summary>The protocol (auth in, connector out), the turn pipeline and its route table.</summary>
    public static IHostApplicationBuilder AddBot(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<BotAuthOptions>().BindConfiguration(BotAuthOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<TurnOptions>().BindConfiguration(TurnOptions.SectionName);

        services.AddOptions<ConnectorOptions>().BindConfiguration(ConnectorOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        services.AddHttpClient(SigningKeyCache.HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(15));
        services.AddSingleton<SigningKeyCache>();
        services.AddSingleton<IRequestAuthenticator, BotAuthenticator>();

        services.AddHttpClient(BotConnectorTokenSource.HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(30));
        services.AddSingleton<BotConnectorTokenSource>();
        services.AddTransient<ConnectorRetryHandler>();
        services.AddTransient<ConnectorAuthHandler>();
        // Retry outside auth: each attempt carries the token. No client-wide timeout: it would cut retries short
        // (ConnectorRetryHandler times each attempt instead).
        services.AddHttpClient<IConnectorClient, ConnectorClient>(http => http.Timeout = Timeout.InfiniteTimeSpan)
            .AddHttpMessageHandler<ConnectorRetryHandler>()
            .AddHttpMessageHandler<ConnectorAuthHandler>();

        services.AddSingleton<Localizer>();
        services.AddSingleton<CardTemplateStore>();
        services.AddSingleton<CardBinder>();
        services.AddSingleton<ConversationLocks>();
        services.AddSingleton<TurnPipeline>();
        services.AddSingleton<IActivityProcessor>(sp => sp.GetRequiredService<TurnPipeline>());

        services.AddOptions<DialogOptions>().BindConfiguration(DialogOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<FormText>();
        services.AddSingleton<FieldParser>();
        services.AddSingleton<CommandRecognizer>();
        services.AddRoutes(Routes.Build());
        return builder;
    }

    /// <summary>The route table, the dialog registry it carries, and every handler and form it names (scoped: one per turn).</summary>
    public static IServiceCollection AddRoutes(this IServiceCollection services, RouteTable routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        services.AddSingleton(routes);
        services.AddSingleton(routes.DialogRegistry ?? new DialogRegistry());
        foreach (var handler in routes.HandlerTypes) services.AddScoped(handler);
        return services;
    }

    public static WebApplication MapBot(this WebApplication app)
    {
        app.MapMessagesEndpoint();
        return app;
    }
}
