using CcapBot.Domain;

namespace CcapBot.Tests.Domain;

public sealed class TextKeyTests
{
    [Theory]
    [InlineData("Hải Phòng", "Haiphong")]
    [InlineData("Đà Nẵng", "da nang")]
    [InlineData("  KITAKYUSHU ", "Kitakyūshū")]
    [InlineData("San-Diego", "san diego")]
    public void SameCity_WrittenDifferently_HasOneKey(string a, string b) =>
        Assert.Equal(City.NormalizedKey(a, "vn"), City.NormalizedKey(b, "VN"));

    [Fact]
    public void DifferentCountries_AreDifferentCities() =>
        Assert.NotEqual(City.NormalizedKey("San Jose", "US"), City.NormalizedKey("San Jose", "CR"));
}
