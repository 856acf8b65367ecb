using CcapBot.Conversations;
using CcapBot.Features.Onboarding;

namespace CcapBot.Hosting;

/// <summary>Every route the bot answers, in one place.</summary>
internal static class Routes
{
    public static RouteTable Build() => new RouteTable()
        .FirstContact<WelcomeHandler>()
        .Verb<LanguageHandler>(OnboardingVerbs.SetLanguage)
        .UnknownVerb<FallbackHandler>()
        .Message<FallbackHandler>();
}
