using CcapBot.Conversations;
using CcapBot.Features.Onboarding;
using CcapBot.Features.Profile;

namespace CcapBot.Hosting;

/// <summary>Every route the bot answers, in one place, and the forms and commands features offer.</summary>
internal static class Routes
{
    public static RouteTable Build() => new RouteTable()
        .FirstContact<WelcomeHandler>()
        .Verb<LanguageHandler>(OnboardingVerbs.SetLanguage)
        .UnknownVerb<FallbackHandler>()
        .Dialogs(dialogs => dialogs
            .Form<ProfileForm>(ProfileForm.Id, ProfileForm.Command));
}
