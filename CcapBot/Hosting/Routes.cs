using CcapBot.Conversations;
using CcapBot.Features.Applications;
using CcapBot.Features.Onboarding;
using CcapBot.Features.Profile;
using CcapBot.Features.Registration;
using CcapBot.Features.Review;
using CcapBot.Features.Status;

namespace CcapBot.Hosting;

/// <summary>Every route the bot answers, in one place, and the forms and commands features offer.</summary>
internal static class Routes
{
    public static RouteTable Build() => new RouteTable()
        .FirstContact<WelcomeHandler>()
        .Verb<LanguageHandler>(OnboardingVerbs.SetLanguage)
        .Verb<ReviewHandler>(ReviewVerbs.Approve)
        .Verb<ReviewHandler>(ReviewVerbs.Return)
        .UnknownVerb<FallbackHandler>()
        .Dialogs(dialogs => dialogs
            .Form<ProfileForm>(ProfileForm.Id, ProfileForm.Command)
            .Form<RegistrationForm>(RegistrationForm.Id, RegistrationForm.Command)
            .Form<ApplicationForm>(ApplicationForm.Id, ApplicationForm.Command)
            .Form<WithdrawForm>(WithdrawForm.Id, WithdrawForm.Command)
            .Form<CoordinatorGrantForm>(CoordinatorGrantForm.Id, CoordinatorGrantForm.Command)
            .Command<MyStatusHandler>(MyStatusHandler.Command)
            .Command<ReviewsCommand>(ReviewsCommand.Command));
}
