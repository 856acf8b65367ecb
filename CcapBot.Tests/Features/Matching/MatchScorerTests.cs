using CcapBot.Features.Matching;
using CcapBot.Localization;
using Microsoft.Extensions.Options;

namespace CcapBot.Tests.Features.Matching;

/// <summary>
/// Real C3 cities with their real zones and languages. Hai Phong (Asia/Ho_Chi_Minh, UTC+7) seeks an
/// emissions inventory and port operations for March–December 2027.
/// </summary>
public sealed class MatchScorerTests
{
    private static readonly MatchReasonText Text = new(new Localizer());

    private static readonly LearningNeed Haiphong = new()
    {
        ApplicationId = 201,
        CityId = 2,
        CityName = "Hai Phong",
        TimeZone = "Asia/Ho_Chi_Minh",
        WorkingLanguages = ["vi", "en"],
        Categories = ["emissions-inventory", "port-operations"],
        SpecificActions = [22, 23, 24, 15],
        PeriodStart = new DateOnly(2027, 3, 1),
        PeriodEnd = new DateOnly(2027, 12, 1),
        WaysOfWorking = ["email", "teleconference", "study-tour"],
        StaffHoursPerMonth = 10,
    };

    /// <summary>Asia/Tokyo (UTC+9): offers both areas, most actions, all year; mentored an inventory before.</summary>
    private static readonly MentorCandidate Kitakyushu = new()
    {
        CityId = 1,
        CityName = "Kitakyushu",
        TimeZone = "Asia/Tokyo",
        WorkingLanguages = ["ja", "en"],
        OfferApplicationId = 101,
        Categories = ["emissions-inventory", "port-operations"],
        SpecificActions = [22, 23, 15],
        PeriodStart = new DateOnly(2027, 1, 1),
        PeriodEnd = new DateOnly(2027, 12, 1),
        WaysOfWorking = ["email", "webinar", "teleconference", "study-tour"],
        StaffHoursPerMonth = 12,
        Capacity = 2,
        Contacts = 2,
        Experience = [new CategoryExperience("emissions-inventory", 1, 5)],
    };

    /// <summary>Asia/Bangkok (UTC+7, same clock): offers the inventory from June; one contact; no track record yet.</summary>
    private static readonly MentorCandidate Bangkok = new()
    {
        CityId = 3,
        CityName = "Bangkok",
        TimeZone = "Asia/Bangkok",
        WorkingLanguages = ["th", "en"],
        OfferApplicationId = 103,
        Categories = ["emissions-inventory"],
        PeriodStart = new DateOnly(2027, 6, 1),
        PeriodEnd = new DateOnly(2028, 6, 1),
        WaysOfWorking = ["email", "webinar"],
        StaffHoursPerMonth = 8,
        Capacity = 1,
        Contacts = 1,
    };

    /// <summary>Asia/Taipei (UTC+8): willing to mentor but made no offer; has an inventory (declared) and a finished bike-share partnership.</summary>
    private static readonly MentorCandidate Taipei = new()
    {
        CityId = 4,
        CityName = "Taipei",
        TimeZone = "Asia/Taipei",
        WorkingLanguages = ["zh", "en"],
        DeclaredCapacities = ["emissions-inventory", "monitoring-network"],
        Contacts = 3,
        Experience = [new CategoryExperience("bike-sharing", 1, 7)],
    };

    /// <summary>America/Los_Angeles: mentored Bangkok's inventory, but is at capacity and shares no working hour with Hai Phong.</summary>
    private static readonly MentorCandidate SanDiego = new()
    {
        CityId = 5,
        CityName = "San Diego",
        TimeZone = "America/Los_Angeles",
        WorkingLanguages = ["en"],
        OfferApplicationId = 105,
        Categories = ["emissions-inventory"],
        PeriodStart = new DateOnly(2027, 1, 1),
        PeriodEnd = new DateOnly(2027, 12, 1),
        WaysOfWorking = ["email", "teleconference"],
        StaffHoursPerMonth = 10,
        Capacity = 1,
        ActivePartnerships = 1,
        Contacts = 2,
        Experience = [new CategoryExperience("emissions-inventory", 1, 6)],
    };

    /// <summary>Asia/Manila (UTC+8): a generous offer, but for bike-sharing only.</summary>
    private static readonly MentorCandidate Pasig = new()
    {
        CityId = 6,
        CityName = "Pasig",
        TimeZone = "Asia/Manila",
        WorkingLanguages = ["en", "fil"],
        OfferApplicationId = 106,
        Categories = ["bike-sharing"],
        PeriodStart = new DateOnly(2027, 1, 1),
        PeriodEnd = new DateOnly(2027, 12, 1),
        WaysOfWorking = ["email", "webinar"],
        StaffHoursPerMonth = 20,
        Capacity = 2,
        Contacts = 2,
    };

    private static readonly MentorCandidate[] AllCandidates = [Pasig, SanDiego, Taipei, Bangkok, Kitakyushu];

    private static MatchScorer Scorer(MatchingOptions? options = null) => new(Options.Create(options ?? new MatchingOptions()));

    private static string Reason(MatchResult result, MatchFactor factor, string language = "en") =>
        Text.Describe(result.Factors.Single(f => f.Factor == factor).Reason, language);

    [Fact]
    public void Haiphong_RanksKitakyushuFirst_AndEveryCandidateByTheAreasOfConsideration()
    {
        var ranked = Scorer().Rank(Haiphong, AllCandidates);

        Assert.Equal(["Kitakyushu", "Bangkok", "San Diego", "Taipei", "Pasig"], ranked.Select(r => r.Candidate.CityName));
        Assert.Equal([1, 2, 3, 4, 5], ranked.Select(r => r.Rank));
        // Worked by hand from the default weights (25/10/10/20/5/10/15/5):
        // Kitakyushu 21.875 + 10 + 10 + 20 + 5 + 7.5 + 15 + 5; Bangkok 12.5 + 7 + 8 + 10 + 1.67 + 10 + 15 + 2.5;
        // San Diego 12.5 + 10 + 0 + 20 + 3.33 + 0 + 15 + 5; Taipei 12.5 + 5 + 5 + 10 + 2.5 + 8.75 + 15 + 5;
        // Pasig 0 + 10 + 10 + 0 + 1.67 + 8.75 + 15 + 5.
        Assert.Equal([94.4, 66.7, 65.8, 63.8, 50.4], ranked.Select(r => r.Score));
        Assert.All(ranked, r => Assert.Equal(Enum.GetValues<MatchFactor>(), r.Factors.Select(f => f.Factor)));
        Assert.All(ranked.SelectMany(r => r.Factors), f => Assert.InRange(f.Value, 0, 1));
    }

    public static TheoryData<string, MatchFactor, string, string> HaiphongReasons => new()
    {
        { "Kitakyushu", MatchFactor.TimeDifference, "6 working hours overlap (2 h apart)", "6 giờ làm việc trùng nhau (lệch 2 giờ)" },
        { "Kitakyushu", MatchFactor.Language, "both work in English", "cả hai làm việc bằng tiếng Anh" },
        { "Kitakyushu", MatchFactor.CommonObjectives, "2 of 2 areas and 3 of 4 specific actions in common", "trùng 2/2 lĩnh vực và 3/4 hoạt động cụ thể" },
        { "Kitakyushu", MatchFactor.Transferability, "completed 1 partnership in this area", "đã hoàn thành 1 quan hệ đối tác trong lĩnh vực này" },
        { "Kitakyushu", MatchFactor.Resources, "2 of 2 places free; offers 12 staff hours a month for 10 asked", "còn 2/2 chỗ; dành 12 giờ nhân sự mỗi tháng so với 10 giờ cần" },
        { "Kitakyushu", MatchFactor.CommunicationPreferences, "3 of 3 ways of working in common", "trùng 3/3 hình thức làm việc" },
        { "Kitakyushu", MatchFactor.Continuity, "2 contacts", "2 người liên hệ" },
        { "Bangkok", MatchFactor.TimeDifference, "8 working hours overlap (same clock time)", "8 giờ làm việc trùng nhau (cùng giờ)" },
        { "Bangkok", MatchFactor.TimeFrame, "7 of 10 months overlap", "trùng 7/10 tháng" },
        { "Bangkok", MatchFactor.CommonObjectives, "1 of 2 areas in common", "trùng 1/2 lĩnh vực" },
        { "Bangkok", MatchFactor.Transferability, "declares expertise in this area", "tự nêu có chuyên môn trong lĩnh vực này" },
        { "Bangkok", MatchFactor.Continuity, "only one contact", "chỉ có một người liên hệ" },
        { "Taipei", MatchFactor.TimeDifference, "7 working hours overlap (1 h apart)", "7 giờ làm việc trùng nhau (lệch 1 giờ)" },
        { "Taipei", MatchFactor.TimeFrame, "mentor period not stated", "thành phố cố vấn chưa nêu thời gian" },
        { "Taipei", MatchFactor.CommunicationPreferences, "ways of working not stated", "chưa nêu hình thức làm việc" },
        { "Taipei", MatchFactor.Resources, "staff hours not stated", "chưa nêu số giờ nhân sự" },
        // March is already daylight time in California (from 14 March 2027); November and December are not.
        { "San Diego", MatchFactor.TimeDifference, "0 working hours overlap (14–15 h apart)", "0 giờ làm việc trùng nhau (lệch 14–15 giờ)" },
        { "San Diego", MatchFactor.Resources, "at capacity (1 of 1 partnerships)", "đã đủ số quan hệ đối tác (1/1)" },
        { "Pasig", MatchFactor.CommonObjectives, "0 of 2 areas in common", "trùng 0/2 lĩnh vực" },
        { "Pasig", MatchFactor.Transferability, "no experience in this area yet", "chưa có kinh nghiệm trong lĩnh vực này" },
    };

    [Theory]
    [MemberData(nameof(HaiphongReasons))]
    public void Haiphong_ReasonsReadTheSameInEnglishAndVietnamese(string city, MatchFactor factor, string english, string vietnamese)
    {
        var result = Scorer().Rank(Haiphong, AllCandidates).Single(r => r.Candidate.CityName == city);

        Assert.Equal(english, Reason(result, factor, "en"));
        Assert.Equal(vietnamese, Reason(result, factor, "vi"));
    }

    [Fact]
    public void Haiphong_FactorsCarryTheirNumbers()
    {
        var ranked = Scorer().Rank(Haiphong, AllCandidates);
        var kitakyushu = ranked[0].Factors.Single(f => f.Factor == MatchFactor.TimeDifference);
        var sanDiego = ranked.Single(r => r.Candidate.CityName == "San Diego");

        Assert.Equal(new TimeDifferenceReason(true, 360, 360, 120, 120), kitakyushu.Reason);
        Assert.Equal((0.75, 10, 7.5), (kitakyushu.Value, kitakyushu.Weight, kitakyushu.Contribution));
        Assert.Equal(new TimeDifferenceReason(true, 0, 0, 14 * 60, 15 * 60), sanDiego.Factors.Single(f => f.Factor == MatchFactor.TimeDifference).Reason);
        Assert.Equal(0, sanDiego.Factors.Single(f => f.Factor == MatchFactor.Resources).Value);
        Assert.Equal(["en"], Assert.IsType<LanguageReason>(sanDiego.Factors.Single(f => f.Factor == MatchFactor.Language).Reason).Shared);
    }

    [Fact]
    public void Haiphong_WorkingInVietnameseOnly_SharesNoLanguage()
    {
        var ranked = Scorer().Rank(Haiphong with { WorkingLanguages = ["vi"] }, [Kitakyushu]);

        Assert.Equal(0, ranked[0].Factors.Single(f => f.Factor == MatchFactor.Language).Value);
        Assert.Equal("no common working language", Reason(ranked[0], MatchFactor.Language));
        Assert.Equal("không có ngôn ngữ làm việc chung", Reason(ranked[0], MatchFactor.Language, "vi"));
        Assert.Equal(94.4 - 15, ranked[0].Score, 1);
    }

    [Fact]
    public void Pasig_LearningBikeSharing_FromTaipei_SharesTheClockAndEnglish()
    {
        var pasig = new LearningNeed
        {
            ApplicationId = 206,
            CityId = Pasig.CityId,
            CityName = "Pasig",
            TimeZone = "Asia/Manila",
            WorkingLanguages = ["en", "fil"],
            Categories = ["bike-sharing"],
            PeriodStart = new DateOnly(2027, 1, 1),
            PeriodEnd = new DateOnly(2027, 12, 1),
            WaysOfWorking = ["email", "study-tour"],
        };
        var taipei = Taipei with { Categories = ["bike-sharing"], OfferApplicationId = 104, PeriodStart = new DateOnly(2027, 1, 1), PeriodEnd = new DateOnly(2027, 12, 1), WaysOfWorking = ["email", "study-tour"], Capacity = 1, StaffHoursPerMonth = 8 };

        var ranked = Scorer().Rank(pasig, [Kitakyushu, taipei, Pasig with { Categories = ["bike-sharing"] }]);

        Assert.Equal(["Taipei", "Kitakyushu"], ranked.Select(r => r.Candidate.CityName)); // a city never mentors itself
        Assert.Equal("8 working hours overlap (same clock time)", Reason(ranked[0], MatchFactor.TimeDifference));
        Assert.Equal("both work in English", Reason(ranked[0], MatchFactor.Language));
        Assert.Equal("completed 1 partnership in this area", Reason(ranked[0], MatchFactor.Transferability));
        Assert.Equal("1 of 1 areas in common", Reason(ranked[0], MatchFactor.CommonObjectives));
        Assert.Equal("1 of 1 places free; offers 8 staff hours a month for 8 asked", Reason(ranked[0], MatchFactor.Resources)); // default ask
        Assert.Equal(100, ranked[0].Score);
    }

    [Theory]
    [InlineData(1, 60, 17 * 60, "1 working hour overlap (17 h apart)", "1 giờ làm việc trùng nhau (lệch 17 giờ)")]
    [InlineData(7, 0, 16 * 60, "0 working hours overlap (16 h apart)", "0 giờ làm việc trùng nhau (lệch 16 giờ)")]
    public void DaylightSaving_KitakyushuAndSanDiego_OverlapInWinterOnly(int month, int overlapMinutes, int apartMinutes, string english, string vietnamese)
    {
        // 09:00–10:00 in Kitakyushu is 16:00–17:00 of the day before in San Diego while California keeps standard time (UTC-8).
        var kitakyushu = Haiphong with
        {
            CityId = Kitakyushu.CityId,
            CityName = "Kitakyushu",
            TimeZone = "Asia/Tokyo",
            WorkingLanguages = ["ja", "en"],
            PeriodStart = new DateOnly(2027, month, 1),
            PeriodEnd = new DateOnly(2027, month, 1),
        };

        var result = Assert.Single(Scorer().Rank(kitakyushu, [SanDiego]));

        var factor = result.Factors.Single(f => f.Factor == MatchFactor.TimeDifference);
        Assert.Equal(new TimeDifferenceReason(true, overlapMinutes, overlapMinutes, apartMinutes, apartMinutes), factor.Reason);
        Assert.Equal(overlapMinutes / 480.0, factor.Value);
        Assert.Equal(english, Reason(result, MatchFactor.TimeDifference));
        Assert.Equal(vietnamese, Reason(result, MatchFactor.TimeDifference, "vi"));
    }

    [Theory]
    [InlineData(1, "0 working hours overlap (15 h apart)")]
    [InlineData(7, "0 working hours overlap (14 h apart)")]
    public void DaylightSaving_BangkokAndSanDiego_AreFifteenHoursApartInWinter_FourteenInSummer(int month, string expected)
    {
        var bangkok = Haiphong with { CityId = Bangkok.CityId, CityName = "Bangkok", TimeZone = "Asia/Bangkok", PeriodStart = new DateOnly(2027, month, 1), PeriodEnd = new DateOnly(2027, month, 1) };

        var result = Assert.Single(Scorer().Rank(bangkok, [SanDiego with { PeriodStart = null, PeriodEnd = null }]));

        Assert.Equal(expected, Reason(result, MatchFactor.TimeDifference));
    }

    [Fact]
    public void DaylightSaving_AcrossAYear_ScoresTheWorstMonth_AndShowsTheRange()
    {
        var kitakyushu = Haiphong with { CityId = Kitakyushu.CityId, TimeZone = "Asia/Tokyo", PeriodStart = new DateOnly(2027, 1, 1), PeriodEnd = new DateOnly(2027, 12, 1) };

        var result = Assert.Single(Scorer().Rank(kitakyushu, [SanDiego]));

        Assert.Equal(0, result.Factors.Single(f => f.Factor == MatchFactor.TimeDifference).Value);
        Assert.Equal("0–1 working hours overlap (16–17 h apart)", Reason(result, MatchFactor.TimeDifference));
    }

    [Fact]
    public void HalfHourZones_ShowFractionalHours_InTheReadersNumberFormat()
    {
        var delhi = Kitakyushu with { CityId = 7, CityName = "Delhi", TimeZone = "Asia/Kolkata" };

        var result = Assert.Single(Scorer().Rank(Haiphong, [delhi]));

        Assert.Equal("6.5 working hours overlap (1.5 h apart)", Reason(result, MatchFactor.TimeDifference));
        Assert.Equal("6,5 giờ làm việc trùng nhau (lệch 1,5 giờ)", Reason(result, MatchFactor.TimeDifference, "vi"));
    }

    [Fact]
    public void UnknownTimeZone_ScoresNothingForTime_AndSaysSo()
    {
        var result = Assert.Single(Scorer().Rank(Haiphong, [Kitakyushu with { TimeZone = "Mars/Olympus_Mons" }]));

        Assert.Equal(0, result.Factors.Single(f => f.Factor == MatchFactor.TimeDifference).Value);
        Assert.Equal("time zone unknown", Reason(result, MatchFactor.TimeDifference));
    }

    [Fact]
    public void Ties_GoToTheCityName_ThenTheId_WhateverTheInputOrder()
    {
        var alpha = Bangkok with { CityId = 50, CityName = "Alpha" };
        var beta = Bangkok with { CityId = 40, CityName = "Beta" };
        var gamma61 = Bangkok with { CityId = 61, CityName = "Gamma" };
        var gamma60 = Bangkok with { CityId = 60, CityName = "Gamma" };
        var lowerCase = Bangkok with { CityId = 10, CityName = "alpha" };

        var forward = Scorer().Rank(Haiphong, [alpha, beta, gamma61, gamma60, lowerCase]);
        var backward = Scorer().Rank(Haiphong, [lowerCase, gamma60, gamma61, beta, alpha]);

        Assert.Single(forward.Select(r => r.Score).Distinct());
        // Ordinal: upper case sorts before lower case, the same on every machine and culture.
        Assert.Equal([50, 40, 60, 61, 10], forward.Select(r => r.Candidate.CityId));
        Assert.Equal(forward.Select(r => r.Candidate.CityId), backward.Select(r => r.Candidate.CityId));
    }

    [Fact]
    public void Weights_FavouringTransferability_PutExperiencedSanDiegoAboveBangkok()
    {
        var weights = new MatchingOptions
        {
            CommonObjectives = 10, TimeFrame = 5, Resources = 5, Transferability = 60,
            CommunicationPreferences = 0, TimeDifference = 5, Language = 10, Continuity = 5,
        };

        var ranked = Scorer(weights).Rank(Haiphong, AllCandidates);

        Assert.Equal(["Kitakyushu", "San Diego", "Bangkok", "Taipei", "Pasig"], ranked.Select(r => r.Candidate.CityName));
        Assert.Equal([97.5, 85, 60, 59.4, 29.4], ranked.Select(r => r.Score));
        Assert.All(ranked, r => Assert.Equal(0, r.Factors.Single(f => f.Factor == MatchFactor.CommunicationPreferences).Contribution));
    }

    [Fact]
    public void Weights_OnTimeDifferenceAlone_RankByWorkingHoursShared()
    {
        var weights = new MatchingOptions
        {
            CommonObjectives = 0, TimeFrame = 0, Resources = 0, Transferability = 0,
            CommunicationPreferences = 0, TimeDifference = 100, Language = 0, Continuity = 0,
        };

        var ranked = Scorer(weights).Rank(Haiphong, AllCandidates);

        // Pasig and Taipei both share 7 hours: the name decides.
        Assert.Equal(["Bangkok", "Pasig", "Taipei", "Kitakyushu", "San Diego"], ranked.Select(r => r.Candidate.CityName));
        Assert.Equal([100, 87.5, 87.5, 75, 0], ranked.Select(r => r.Score));
    }

    [Fact]
    public void Scoring_IsDeterministic()
    {
        var first = MatchBreakdown.Serialize(Scorer().Rank(Haiphong, AllCandidates).SelectMany(r => r.Factors).ToList());
        var second = MatchBreakdown.Serialize(Scorer().Rank(Haiphong, AllCandidates.Reverse()).SelectMany(r => r.Factors).ToList());

        Assert.Equal(first, second);
    }

    [Fact]
    public void Breakdown_RoundTripsThroughJson_WithTheReasonKinds()
    {
        var factors = Scorer().Rank(Haiphong, [Kitakyushu])[0].Factors;

        var json = MatchBreakdown.Serialize(factors);
        var back = MatchBreakdown.Deserialize(json);

        Assert.Contains("\"kind\":\"timeDifference\"", json, StringComparison.Ordinal);
        Assert.Contains("\"factor\":\"TimeDifference\"", json, StringComparison.Ordinal);
        Assert.Equal(json, MatchBreakdown.Serialize(back));
        Assert.Equal(factors.Select(f => Text.Describe(f.Reason, "vi")), back.Select(f => Text.Describe(f.Reason, "vi")));
    }

    [Fact]
    public void FactorNames_ExistInBothLanguages()
    {
        Assert.Equal("Time difference", Text.FactorName(MatchFactor.TimeDifference, "en"));
        Assert.Equal("Chênh lệch múi giờ", Text.FactorName(MatchFactor.TimeDifference, "vi"));
        Assert.Equal("tiếng Nhật", Text.LanguageName("ja", "vi"));
        Assert.Equal("xx", Text.LanguageName("xx", "en"));
    }

    [Fact]
    public void ReasonStrings_ExistInEveryLanguage()
    {
        var localizer = new Localizer();
        string[] prefixes = ["Matching.", "Language.Name.", "List."];
        var english = localizer.Keys(Languages.English).Where(k => prefixes.Any(p => k.StartsWith(p, StringComparison.Ordinal))).Order(StringComparer.Ordinal).ToList();

        Assert.NotEmpty(english);
        Assert.All(Languages.All, language =>
            Assert.Equal(english, localizer.Keys(language).Where(k => prefixes.Any(p => k.StartsWith(p, StringComparison.Ordinal))).Order(StringComparer.Ordinal)));
    }
}
