using CcapBot.Features.Access;
using CcapBot.Features.Matching;

namespace CcapBot.Hosting;

public static class FeatureExtensions
{
    /// <summary>Services the CCAP features share: who is acting (roles), coordinators from configuration; matching.</summary>
    public static IHostApplicationBuilder AddFeatures(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<CoordinatorOptions>().BindConfiguration(CoordinatorOptions.SectionName);
        builder.Services.AddScoped<ActorResolver>();

        builder.Services.AddOptions<MatchingOptions>().BindConfiguration(MatchingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<MatchScorer>();
        builder.Services.AddSingleton<MatchReasonText>();
        builder.Services.AddScoped<MentorSuggestions>();
        return builder;
    }
}
