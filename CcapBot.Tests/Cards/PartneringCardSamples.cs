using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using CcapBot.Cards;
using CcapBot.Features.ActionLists;
using CcapBot.Features.LaunchMeetings;
using CcapBot.Features.Matching;
using CcapBot.Features.Partnering;

namespace CcapBot.Tests.Cards;

/// <summary>Samples of the partnering cards (issue 5): suggestions, pairing, launch meetings, action lists, notices.</summary>
internal static class PartneringCardSamples
{
    private const string Hostile = CardSamples.Hostile;

    public static IReadOnlyDictionary<string, IReadOnlyList<(string Case, JsonNode Data)>> All { get; } = new Dictionary<string, IReadOnlyList<(string, JsonNode)>>
    {
        ["match-suggestions"] =
        [
            ("open candidates", Node(Suggestions() with
            {
                Candidates =
                [
                    Candidate(5, "1. Kitakyushu (JP)", canDecide: true) with { Purpose = Hostile },
                    Candidate(6, "2. San Diego (US)", canDecide: true),
                ],
            }, MatchingCardsJsonContext.Default.SuggestionCardData)),
            ("decided", Node(Suggestions() with
            {
                Status = "✔ Partnership #7 created with Kitakyushu.", StatusColor = "Good",
                Candidates =
                [
                    Candidate(5, "1. Kitakyushu (JP)", canDecide: false) with { Decision = "✔ Confirmed: partnership #7", DecisionColor = "Good" },
                    Candidate(6, "2. San Diego (US)", canDecide: false) with { Decision = "✖ Rejected: " + Hostile, DecisionColor = "Attention" },
                ],
            }, MatchingCardsJsonContext.Default.SuggestionCardData)),
            ("no candidates", Node(Suggestions() with { Candidates = [], Empty = "No mentor candidates yet." }, MatchingCardsJsonContext.Default.SuggestionCardData)),
        ],
        ["pair-cities"] =
        [
            ("empty", Node(Pair(), MatchingCardsJsonContext.Default.PairCardData)),
            ("refused with values", Node(Pair() with { Error = "Nothing was changed:\nthe partnership needs a purpose.", Mentor = "2", Learning = "1,3", Category = "emissions-inventory", Purpose = Hostile },
                MatchingCardsJsonContext.Default.PairCardData)),
        ],
        ["launch-schedule"] =
        [
            ("defaults", Node(Schedule(), LaunchCardsJsonContext.Default.ScheduleCardData)),
            ("refused", Node(Schedule() with { Error = "Nothing was changed:\nthe meeting time is in the past.", Link = "https://meet.example/x", Agenda = Hostile },
                LaunchCardsJsonContext.Default.ScheduleCardData)),
        ],
        ["launch-meeting"] =
        [
            ("representative, Teams refresh", Node(Meeting() with
            {
                CanRespond = true, YourAnswer = "Your answer: accepted", Refreshable = true, RefreshUserIds = ["29:haiphong", "29:kitakyushu"],
                Responses = [new("Nguyen Thi Lan (Hai Phong)", "accepted"), new(Hostile, "proposes Wed 4 Mar 2026, 10:00 (Asia/Tokyo)")],
            }, LaunchCardsJsonContext.Default.MeetingCardData)),
            ("coordinator", Node(Meeting() with { CanManage = true, YourTime = "Your time: Tue 3 Mar 2026, 09:00 (Asia/Bangkok)" }, LaunchCardsJsonContext.Default.MeetingCardData)),
            ("cancelled", Node(Meeting() with { Status = "Cancelled", StatusColor = "Attention", JoinUrl = "", Agenda = "" }, LaunchCardsJsonContext.Default.MeetingCardData)),
        ],
        ["action-list-start"] =
        [
            ("templates", Node(new StartCardData
            {
                Title = "Action list for partnership #7", Intro = "Start from a reviewed action list or from scratch.", TemplateLabel = "Reviewed action lists",
                Templates = [new("Developing an emissions inventory (7 activities)", "4"), new("Public bike-sharing (7 activities)", "2")], Template = "4",
                UseLabel = "Use this list", ScratchLabel = "Start from scratch", Partnership = 7,
            }, ActionListCardsJsonContext.Default.StartCardData)),
        ],
        ["action-list-editor"] =
        [
            ("rows with errors", Node(Editor(canAdd: true) with { Error = "Nothing was changed:\nActivity 2: the due date is in the past." }, ActionListCardsJsonContext.Default.EditorCardData)),
            ("full", Node(Editor(canAdd: false), ActionListCardsJsonContext.Default.EditorCardData)),
        ],
        ["action-list"] =
        [
            ("waiting, can agree", Node(ActionList() with { CanAgree = true, CanChange = true, Refreshable = true, RefreshUserIds = ["29:haiphong"] },
                ActionListCardsJsonContext.Default.ActionListCardData)),
            ("replaced, no buttons", Node(ActionList() with { Status = "Replaced by version 2", StatusColor = "Attention", History = "History: v1 proposed 20 Feb 2026 (this one) · v2 proposed 21 Feb 2026" },
                ActionListCardsJsonContext.Default.ActionListCardData)),
        ],
    };

    private static JsonNode Node<T>(T value, JsonTypeInfo<T> type) => JsonSerializer.SerializeToNode(value, type)!;

    private static SuggestionCardData Suggestions() => new()
    {
        Title = "Mentor suggestions for Hai Phong", Intro = "Learning application #12 · Developing an emissions inventory · Mar 2027 – Dec 2027",
        Candidates = [], Categories = [new("Developing an emissions inventory", "emissions-inventory"), new("Reducing emissions from port operations", "port-operations")],
        ConfirmLabel = "Confirm…", PurposeLabel = "Purpose", CategoryLabel = "Area", CreateLabel = "Create the partnership", RejectLabel = "Reject…",
        ReasonLabel = "Why not?", RejectSendLabel = "Reject", PairLabel = "Pair cities by hand", RefreshLabel = "Rank again", Application = 12,
    };

    private static CandidateCardData Candidate(int suggestion, string heading, bool canDecide) => new()
    {
        Heading = heading, Score = "82.5 / 100", Offer = "Mentor offer #4",
        Reasons = [new("Time difference", "6 working hours overlap (2 h apart)"), new("Language", "both work in English")],
        CanDecide = canDecide, Suggestion = suggestion, PurposeId = $"purpose_{suggestion}", Purpose = "Hai Phong learns about emissions inventories.",
        CategoryId = $"category_{suggestion}", Category = "emissions-inventory", ReasonId = $"reason_{suggestion}",
    };

    private static PairCardData Pair() => new()
    {
        Title = "Pair cities by hand", Intro = "Choose the cities.", MentorLabel = "Mentor city", LearningLabel = "Learning cities", CategoryLabel = "Area",
        PurposeLabel = "Purpose", ChooseLabel = "Choose…", Cities = [new("Hai Phong (VN)", "1"), new("Kitakyushu (JP)", "2"), new(Hostile, "3")],
        Categories = [new("Developing an emissions inventory", "emissions-inventory")], CreateLabel = "Create the partnership",
    };

    private static ScheduleCardData Schedule() => new()
    {
        Title = "Schedule a launch meeting", Intro = "Enter the date and time in your time zone, Asia/Bangkok.", PartnershipLabel = "Partnership",
        Partnerships = [new("#7 Kitakyushu → Hai Phong", "7")], Partnership = "7", DateLabel = "Date", Date = "2026-03-03", TimeLabel = "Time", Time = "09:00",
        DurationLabel = "Duration", Durations = [new("60 minutes", "60"), new("90 minutes", "90")], Duration = "60", LinkLabel = "Join link",
        AgendaLabel = "Agenda", ScheduleLabel = "Schedule and invite", Zone = "Asia/Bangkok",
    };

    private static MeetingCardData Meeting() => new()
    {
        Title = "Launch meeting · partnership #7", Subtitle = "Kitakyushu → Hai Phong · Developing an emissions inventory", Status = "Scheduled",
        WhenLabel = "When", When = "Tue 3 Mar 2026, 09:00 in Hai Phong (Asia/Ho_Chi_Minh) · 11:00 in Kitakyushu (Asia/Tokyo)",
        Facts = [new("Duration", "60 minutes")], Agenda = "Agenda: " + Hostile, JoinLabel = "Join the meeting", JoinUrl = "https://meet.example/launch",
        Tally = "Answers: 1 accepted · 0 declined · 1 proposed another time",
        AcceptLabel = "Accept", DeclineLabel = "Decline", ProposeLabel = "Propose another time…", ProposeHint = "Enter the date and time in Asia/Tokyo.",
        ProposeDateLabel = "Date", ProposeTimeLabel = "Time", ProposeDate = "2026-03-03", ProposeTime = "11:00", ProposeSendLabel = "Propose this time",
        RescheduleLabel = "Reschedule…", RescheduleHint = "Enter the date and time in Asia/Bangkok.", NewDateLabel = "Date", NewTimeLabel = "Time",
        NewDurationLabel = "Duration", NewDate = "2026-03-03", NewTime = "09:00", NewDuration = "60", Durations = [new("60 minutes", "60")],
        RescheduleSendLabel = "Move the meeting", CancelLabel = "Cancel meeting…", CancelQuestion = "Cancel it?", CancelSendLabel = "Yes, cancel it",
        Partnership = 7, Meeting = 1, Revision = 0, Zone = "Asia/Tokyo",
    };

    private static EditorCardData Editor(bool canAdd) => new()
    {
        Title = "Action list for partnership #7", Intro = "Keep 4 to 8 activities.",
        Rows =
        [
            Row(1, "Define scope", "2026-04-01") with { Origin = "From the reviewed action list", Description = Hostile },
            Row(2, Hostile, "2020-01-01") with { Error = "the due date is in the past.", Keep = "false" },
            Row(3, null, null),
        ],
        Owners = [new("Hai Phong (Learning city)", "1"), new("Kitakyushu (Mentor city)", "2")],
        KeepLabel = "Include", TitleLabel = "Title", DescriptionLabel = "Description", OwnerLabel = "Owner city", DueLabel = "Due date",
        CompletionLabel = "Completion date", Completion = "2026-12-31", AddLabel = "Add an activity", CanAdd = canAdd, ProposeLabel = "Propose",
        Partnership = 7, BasedOn = 0, Origins = ["401:0", "402:0", "0:0"],
    };

    private static EditorRowData Row(int n, string? title, string? due) => new()
    {
        Heading = $"Activity {n}", KeepId = $"a{n}_keep", Keep = "true", TitleId = $"a{n}_title", Title = title, DescriptionId = $"a{n}_desc",
        OwnerId = $"a{n}_owner", Owner = "1", DueId = $"a{n}_due", Due = due,
    };

    private static ActionListCardData ActionList() => new()
    {
        Title = "Action list version 1 · partnership #7", Subtitle = "Kitakyushu → Hai Phong · Developing an emissions inventory",
        Status = "Waiting for agreement: 1 of 2 cities agreed", StatusColor = "Warning",
        Items = [new("1. Define scope", "Owner: Hai Phong · due 1 Apr 2026", Hostile), new("2. List source categories", "Owner: Kitakyushu · due 1 May 2026", "")],
        Completion = "Completion date: 31 Dec 2026", AgreementsLabel = "Agreement",
        Agreements = [new("Kitakyushu", "agreed by Tanaka on 21 Feb 2026"), new("Hai Phong", "not yet")],
        AgreeLabel = "Agree for Hai Phong", ChangeLabel = "Propose changes", Partnership = 7, Version = 1,
    };
}
