using CcapBot.Features.Access;
using CcapBot.Features.ActionLists;
using CcapBot.Features.LaunchMeetings;
using CcapBot.Features.Matching;
using CcapBot.Features.Partnering;
using CcapBot.Features.Review;

namespace CcapBot.Hosting;

public static class FeatureExtensions
{
    /// <summary>Services the CCAP features share: who is acting (roles), coordinators from configuration; reviews; matching and partnering.</summary>
    public static IHostApplicationBuilder AddFeatures(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<CoordinatorOptions>().BindConfiguration(CoordinatorOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<Audience>();
        builder.Services.AddScoped<ActorResolver>();
        builder.Services.AddScoped<ReviewCards>();
        builder.Services.AddScoped<ReviewRequests>();

        builder.Services.AddOptions<MatchingOptions>().BindConfiguration(MatchingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<MatchScorer>();
        builder.Services.AddSingleton<MatchReasonText>();
        builder.Services.AddScoped<MentorSuggestions>();

        // Partnering (issue 5): suggestions, partnerships, launch meetings and action lists, as cards kept in step everywhere.
        builder.Services.AddSingleton<PartneringText>();
        builder.Services.AddScoped<CardCopies>();
        builder.Services.AddScoped<PartnershipNotices>();
        builder.Services.AddScoped<SuggestionCards>();
        builder.Services.AddScoped<PartnershipCreation>();
        builder.Services.AddScoped<LaunchMeetingCards>();
        builder.Services.AddSingleton<ActionListEditor>();
        builder.Services.AddScoped<ActionListCards>();
        return builder;
    }
}
