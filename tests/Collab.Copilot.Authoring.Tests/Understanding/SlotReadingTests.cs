using Collab.Copilot.Authoring.Understanding;

namespace Collab.Copilot.Authoring.Tests.Understanding;

public sealed class SlotReadingTests
{
    [Fact]
    public void With_a_NodePort_asked_a_number_in_the_node_port_range_is_the_node_port()
    {
        var slots = SlotExtractor.Extract("nodeport svc exposing 9000 on 30900");

        Assert.Equal("NodePort", slots.ServiceType);
        Assert.Equal(30900, slots.NodePort);
        Assert.Equal(9000, slots.ServicePort);
        Assert.DoesNotContain(30900, slots.ContainerPorts);
    }

    [Fact]
    public void A_claim_named_beside_the_word_pvc_is_read_as_one_to_mount_into_the_paste()
    {
        var slots = SlotExtractor.ExtractChange("add pvc datasets on /data to this");

        var claim = Assert.Single(slots.Claims);
        Assert.Equal(new ClaimSlot("datasets", "/data"), claim);
    }
}
