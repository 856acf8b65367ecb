using CcapBot.Conversations;
using CcapBot.Features.CheckIns;
using CcapBot.Features.Onboarding;
using CcapBot.Features.Profile;
using CcapBot.Features.Reminders;
using CcapBot.Features.Results;
using CcapBot.Features.StatusUpdates;
using CcapBot.Features.Tracking;

namespace CcapBot.Hosting;

/// <summary>Every route the bot answers, in one place, and the forms and commands features offer.</summary>
internal static class Routes
{
    public static RouteTable Build() => new RouteTable()
        .FirstContact<WelcomeHandler>()
        .Verb<LanguageHandler>(OnboardingVerbs.SetLanguage)
        .UnknownVerb<FallbackHandler>()
        .Verb<CheckInHandler>(TrackingVerbs.CheckInSubmit)
        .Verb<SnoozeHandler>(TrackingVerbs.Snooze)
        .Verb<OpenPartnershipHandler>(TrackingVerbs.Open)
        .Verb<StatusUpdateHandler>(TrackingVerbs.Reply)
        .Verb<AgreeExtensionHandler>(TrackingVerbs.AgreeExtension)
        .Dialogs(dialogs => dialogs
            .Form<ProfileForm>(ProfileForm.Id, ProfileForm.Command)
            .Form<ResultsForm>(ResultsForm.Id, ResultsForm.Command)
            .Form<ExtendForm>(ExtendForm.Id, ExtendForm.Command)
            .Command<MyActivitiesHandler>(MyActivitiesHandler.Command)
            .Command<ExportResultsHandler>(ExportResultsHandler.Command)
            .Command<NewAreaHandler>(NewAreaHandler.Command)
            .Text<StatusUpdateHandler>());
}
