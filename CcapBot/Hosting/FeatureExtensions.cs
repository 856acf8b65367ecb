using CcapBot.Features.Access;

namespace CcapBot.Hosting;

public static class FeatureExtensions
{
    /// <summary>Services the CCAP features share: who is acting (roles), coordinators from configuration.</summary>
    public static IHostApplicationBuilder AddFeatures(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<CoordinatorOptions>().BindConfiguration(CoordinatorOptions.SectionName);
        builder.Services.AddScoped<ActorResolver>();
        return builder;
    }
}
