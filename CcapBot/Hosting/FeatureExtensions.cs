using CcapBot.Features.Access;
using CcapBot.Features.Matching;
using CcapBot.Features.Review;

namespace CcapBot.Hosting;

public static class FeatureExtensions
{
    /// <summary>Services the CCAP features share: who is acting (roles), coordinators from configuration; reviews; matching.</summary>
    public static IHostApplicationBuilder AddFeatures(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<CoordinatorOptions>().BindConfiguration(CoordinatorOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<ActorResolver>();
        builder.Services.AddScoped<Coordinators>();
        builder.Services.AddScoped<ReviewCards>();
        builder.Services.AddScoped<ReviewRequests>();

        builder.Services.AddOptions<MatchingOptions>().BindConfiguration(MatchingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<MatchScorer>();
        builder.Services.AddSingleton<MatchReasonText>();
        builder.Services.AddScoped<MentorSuggestions>();
        return builder;
    }
}
