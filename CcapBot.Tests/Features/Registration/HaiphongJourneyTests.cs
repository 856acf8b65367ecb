using System.Globalization;
using CcapBot.Domain;
using CcapBot.Protocol.Schema;
using CcapBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CcapBot.Tests.Features.Registration;

/// <summary>
/// Journey (a), through the real endpoints: a Haiphong representative registers in Vietnamese on the web chat
/// (local Direct Line over HTTP), a coordinator approves in Teams from the review card the outbox delivered, the
/// representative is told on the web chat and files a learning application on emissions inventory and port operations.
/// </summary>
public sealed class HaiphongJourneyTests : IAsyncLifetime
{
    private BotWorld _bot = null!;

    public async ValueTask InitializeAsync() => _bot = await BotWorld.StartAsync(new() { Coordinators = [People.CoordinatorAad], Configure = b => b.WithKestrel() });

    public ValueTask DisposeAsync() => _bot.DisposeAsync();

    [Fact]
    public async Task Haiphong_RegistersInVietnamese_IsApprovedInTeams_AndAppliesForEmissionsInventoryAndPorts()
    {
        var ct = TestContext.Current.CancellationToken;
        // The coordinator has talked to the bot in Teams (so the bot can reach them), in English.
        var coordinator = _bot.Coordinator("Asia/Bangkok");
        await coordinator.SayAsync("hi");

        using var lan = await WebChatUser.StartAsync(_bot.Bot.BaseAddress, "vi-VN");
        var welcome = await lan.WaitForAsync(a => a.Card() is not null);
        var welcomeCard = welcome.Card()!;
        Assert.Contains("Đăng ký thành phố", welcomeCard.Text(), StringComparison.Ordinal);

        // Register: the welcome card's button starts the form.
        var r = await lan.PressAsync(welcomeCard, "Đăng ký thành phố");
        Assert.Contains("Thành phố của bạn thuộc quốc gia nào?", r.AllText(), StringComparison.Ordinal);
        r = await lan.SayAsync("Việt Nam");
        Assert.Contains("Tên thành phố là gì?", r.AllText(), StringComparison.Ordinal);
        r = await lan.SayAsync("Hải Phòng");
        Assert.Contains("tỉnh hoặc vùng", r.AllText(), StringComparison.Ordinal); // a new city: no offer to join
        r = await lan.SayAsync("bỏ qua");
        Assert.Contains("Thành phố ở múi giờ nào?", r.AllText(), StringComparison.Ordinal);
        r = await lan.SayAsync("Asia/Ho_Chi_Minh");
        r = await lan.SayAsync("2.000.000");
        Assert.Contains("Cơ quan hoặc sở nào", r.AllText(), StringComparison.Ordinal);
        r = await lan.SayAsync("Sở Tài nguyên và Môi trường Hải Phòng");
        r = await lan.SayAsync("Nguyễn Thị Lan");
        r = await lan.SayAsync("Phó Trưởng phòng Quản lý môi trường");
        r = await lan.SayAsync("lan.nt@haiphong.gov.vn");
        r = await lan.SayAsync("+84 225 3842 123");
        r = await lan.SayAsync("Trần Văn Minh");
        Assert.Contains("Địa chỉ email của người liên hệ thay thế", r.AllText(), StringComparison.Ordinal);
        r = await lan.SayAsync("minh.tv@haiphong.gov.vn");
        r = await lan.SayAsync("tiếng Việt, tiếng Anh");
        r = await lan.SayAsync("Thành phố học hỏi");
        r = await lan.SayAsync("1");
        r = await lan.SayAsync("có");
        var summary = r.LastCard();
        var summaryText = summary.Text();
        Assert.Contains("Vui lòng kiểm tra các câu trả lời", summaryText, StringComparison.Ordinal);
        Assert.Contains("Hải Phòng", summaryText, StringComparison.Ordinal);
        Assert.Contains("Việt Nam", summaryText, StringComparison.Ordinal);
        Assert.Contains("Mạng lưới quan trắc chất lượng không khí", summaryText, StringComparison.Ordinal);
        r = await lan.PressAsync(summary, "Xác nhận");
        Assert.Contains("Đăng ký của Hải Phòng đã được gửi đến các điều phối viên CCAP", r.AllText(), StringComparison.Ordinal);

        // Stored: the city (pending), the representative (inactive) with this web chat identity, the registration, the audit.
        var city = await _bot.QueryAsync(db => db.Cities.SingleAsync(ct));
        Assert.Equal(("Hải Phòng", "VN", "Asia/Ho_Chi_Minh", CityStatus.Pending, 2_000_000), (city.Name, city.CountryCode, city.TimeZone, city.Status, city.Population ?? 0));
        Assert.Equal("Sở Tài nguyên và Môi trường Hải Phòng", city.Agency);
        Assert.Equal(["en", "vi"], city.WorkingLanguages.Order());
        Assert.Equal(CityRole.Learning, city.RoleInterest);
        Assert.Equal([AqmCapacities.MonitoringNetwork], city.AqmCapacity);
        Assert.True(city.ConsentToPublish);
        Assert.Equal(("Trần Văn Minh", "minh.tv@haiphong.gov.vn"), (city.AlternateContactName, city.AlternateContactEmail));
        var representative = await _bot.QueryAsync(db => db.Representatives.Include(x => x.Identities).SingleAsync(ct));
        Assert.Equal(("Nguyễn Thị Lan", "lan.nt@haiphong.gov.vn", "+842253842123", "vi", false, true), (representative.Name, representative.Email, representative.Phone, representative.PreferredLanguage, representative.Active, representative.IsFocalPerson));
        var identity = Assert.Single(representative.Identities);
        Assert.Equal((Channels.WebChat, lan.UserId), (identity.ChannelId, identity.UserId));
        var registration = await _bot.QueryAsync(db => db.Registrations.SingleAsync(ct));
        Assert.Equal((RegistrationKind.NewCity, ReviewStatus.Submitted, city.Id, representative.Id), (registration.Kind, registration.Status, registration.CityId, registration.RepresentativeId));
        Assert.Contains(await _bot.QueryAsync(db => db.AuditEntries.Select(a => a.Action).ToListAsync(ct)), a => a == "registration.submitted");

        // The coordinator gets the review card in Teams (through the outbox), in English, with Approve and Return.
        var reviewCall = (await coordinator.WaitForAsync(1, filter: c => c.HasCardWith("registration")))[0];
        var review = reviewCall.Card();
        var reviewText = review.Text();
        Assert.Contains("New city registration: Hải Phòng, Vietnam", reviewText, StringComparison.Ordinal);
        Assert.Contains("Sent by Nguyễn Thị Lan (lan.nt@haiphong.gov.vn)", reviewText, StringComparison.Ordinal);
        Assert.Contains("Asia/Ho_Chi_Minh", reviewText, StringComparison.Ordinal);
        Assert.Contains("Air quality monitoring network", reviewText, StringComparison.Ordinal);
        Assert.Contains("Reason (required to return)", reviewText, StringComparison.Ordinal);
        Assert.Equal(["review.approve", "review.return"], review.Verbs());
        Assert.All(review.Actions().Where(a => (string?)a["type"] == "Action.Execute"), a => Assert.Equal("Action.Submit", (string?)a["fallback"]?["type"]));

        var approved = await coordinator.PressAsync("Approve", card: review);
        var decided = approved.InvokeCard ?? throw new InvalidOperationException("The invoke should answer with the decided card: " + approved.Invoke?.ToJsonString());
        Assert.Contains("✔ Approved by Lan Coordinator", decided.Text(), StringComparison.Ordinal);
        Assert.Empty(decided.Verbs());
        // Every copy is updated in place too (here: the coordinator's one copy).
        var update = (await coordinator.WaitForAsync(1, "PUT"))[0];
        var sentId = await _bot.QueryAsync(db => db.OutboxMessages.Where(m => m.Topic!.StartsWith("review:registration:") && m.UpdateOfKey == null).Select(m => m.SentActivityId).SingleAsync(ct));
        Assert.EndsWith("/activities/" + sentId, update.Path, StringComparison.Ordinal);
        Assert.Contains("✔ Approved by Lan Coordinator", update.Card().Text(), StringComparison.Ordinal);

        Assert.Equal(CityStatus.Approved, (await _bot.QueryAsync(db => db.Cities.SingleAsync(ct))).Status);
        Assert.True((await _bot.QueryAsync(db => db.Representatives.SingleAsync(ct))).Active);
        registration = await _bot.QueryAsync(db => db.Registrations.SingleAsync(ct));
        Assert.Equal((ReviewStatus.Approved, "Lan Coordinator", (string?)null), (registration.Status, registration.ReviewedBy, registration.Reason));

        // The representative is told on the web chat, proactively, in Vietnamese, with what to do next.
        var outcome = CardReader.Card(await lan.WaitForAsync(a => a.Card() is { } c && c.Text().Contains("Đăng ký đã được phê duyệt", StringComparison.Ordinal)))!;
        Assert.Contains("Chào mừng đến với CCAP! Đăng ký của Hải Phòng đã được Lan Coordinator phê duyệt.", outcome.Text(), StringComparison.Ordinal);
        Assert.Equal(["dialog.command", "dialog.command", "dialog.command"], outcome.Verbs());
        var applyButton = outcome.Actions().First();
        Assert.Equal(("Tìm thành phố cố vấn", "apply", "learning"), ((string?)applyButton["title"], (string?)applyButton["data"]?["command"], (string?)applyButton["data"]?["kind"]));

        // A learning application on emissions inventory and port operations.
        var start = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(1);
        var end = start.AddMonths(11);
        r = await lan.PressAsync(outcome, "Tìm thành phố cố vấn");
        Assert.Contains("Đơn tham gia C3", r.AllText(), StringComparison.Ordinal);
        Assert.Contains("Đơn học hỏi", r.AllText(), StringComparison.Ordinal); // started as a learning request
        r = await lan.SayAsync("Đơn học hỏi");
        Assert.Contains("Đơn này về những lĩnh vực nào?", r.AllText(), StringComparison.Ordinal);
        var categories = r.LastCard();
        Assert.Contains("Xây dựng kiểm kê phát thải", categories.Text(), StringComparison.Ordinal); // the categories, in Vietnamese, from the database
        r = await lan.SayAsync("Xây dựng kiểm kê phát thải, Giảm phát thải từ hoạt động cảng");
        var actions = r.LastCard().Text();
        Assert.Contains("Kiểm kê phát thải cảng theo lĩnh vực", actions, StringComparison.Ordinal);
        Assert.Contains("Thu thập dữ liệu hoạt động", actions, StringComparison.Ordinal);
        Assert.DoesNotContain("Xe đạp công cộng", actions, StringComparison.Ordinal); // only the chosen categories' activities
        r = await lan.SayAsync("Kiểm kê phát thải cảng theo lĩnh vực, Thu thập dữ liệu hoạt động, Lựa chọn hệ số phát thải");
        r = await lan.SayAsync("Chia sẻ kinh nghiệm về mô hình chất lượng không khí");
        r = await lan.SayAsync(start.ToString("MM/yyyy", CultureInfo.InvariantCulture));
        r = await lan.SayAsync(end.ToString("MM/yyyy", CultureInfo.InvariantCulture));
        r = await lan.SayAsync("email, hội thảo trực tuyến, chuyến tham quan học tập");
        r = await lan.SayAsync("thời gian của cán bộ, dữ liệu");
        r = await lan.SayAsync("20");
        Assert.Contains("hạn chế", r.AllText(), StringComparison.Ordinal);
        r = await lan.SayAsync("Ngân sách đi lại hạn chế");
        summary = r.LastCard();
        summaryText = summary.Text();
        Assert.Contains("Giảm phát thải từ hoạt động cảng, Xây dựng kiểm kê phát thải", summaryText, StringComparison.Ordinal);
        r = await lan.PressAsync(summary, "Xác nhận");
        Assert.Contains("Đã gửi đơn học hỏi của Hải Phòng (số 1)", r.AllText(), StringComparison.Ordinal);

        var application = await _bot.QueryAsync(db => db.Applications.SingleAsync(ct));
        Assert.Equal((ApplicationKind.Learning, ReviewStatus.Submitted, city.Id, representative.Id), (application.Kind, application.Status, application.CityId, application.SubmittedByRepresentativeId));
        Assert.Equal(["port-operations", "emissions-inventory"], application.Categories.Order().Reverse());
        Assert.Equal([301, 403, 404], application.SpecificActions.Order());
        Assert.Equal((new DateOnly(start.Year, start.Month, 1), new DateOnly(end.Year, end.Month, 1)), (application.PeriodStart, application.PeriodEnd));
        Assert.Equal(["email", "webinar", "study-tour"], application.WaysOfWorking);
        Assert.Equal(["staff-time", "data"], application.Contributions);
        Assert.Equal((20, "Ngân sách đi lại hạn chế", "Chia sẻ kinh nghiệm về mô hình chất lượng không khí"), (application.StaffHoursPerMonth ?? 0, application.Constraints, application.OtherNeeds));

        // The application's review card reaches the coordinator, in English, with the category names from the database.
        var appReview = CardReader.Card((await coordinator.WaitForAsync(1, filter: c => c.HasCardWith("learning request")))[0]);
        var appText = appReview.Text();
        Assert.Contains("C3 learning request: Hải Phòng, Vietnam", appText, StringComparison.Ordinal);
        Assert.Contains("Developing an emissions inventory", appText, StringComparison.Ordinal);
        Assert.Contains("Port emissions inventory by sector", appText, StringComparison.Ordinal);
        Assert.Equal(["review.approve", "review.return"], appReview.Verbs());
        Assert.Equal("application", (string?)appReview.Actions().First()["data"]?["subject"]);
        Assert.Equal(application.Id, (int?)appReview.Actions().First()["data"]?["id"]);

        // "Tình trạng của tôi": the city, the registration and the application, in Vietnamese.
        r = await lan.SayAsync("tình trạng của tôi");
        var status = r.LastCard().Text();
        Assert.Contains("Tình trạng của tôi", status, StringComparison.Ordinal);
        Assert.Contains("Đại diện của Hải Phòng", status, StringComparison.Ordinal);
        Assert.Contains("Đăng ký thành phố được Lan Coordinator phê duyệt", status, StringComparison.Ordinal);
        Assert.Contains("Số 1: đơn học hỏi", status, StringComparison.Ordinal);
        Assert.Contains("đang chờ xem xét", status, StringComparison.Ordinal);
        Assert.Contains(lan.UserId, status, StringComparison.Ordinal);
    }
}
