#include "cloudpods/cloudpod_bodies.h"

#include "core/errors.h"

namespace mp::cloudpods {

const api::RequestBody &newPodBody()
{
    using api::BodyField;
    static const api::RequestBody body =
        api::RequestBody()
            .add(BodyField::string(QStringLiteral("customer_id")).required().format(QStringLiteral("uuid")))
            .add(BodyField::string(QStringLiteral("template_id")).required().format(QStringLiteral("uuid")))
            .add(BodyField::string(QStringLiteral("hostname"))
                     .describe(QStringLiteral("one DNS label; generated when absent")));
    return body;
}

const api::RequestBody &reinstallBody()
{
    using api::BodyField;
    static const api::RequestBody body =
        api::RequestBody(QStringLiteral("CloudPodReinstall"))
            .add(BodyField::string(QStringLiteral("confirm"))
                     .required()
                     .describe(QStringLiteral("the pod's host name: everything on the guest is erased")))
            .add(BodyField::boolean(QStringLiteral("root_password"))
                     .defaultValue(false)
                     .describe(QStringLiteral("generate a new root password, shown once in the answer (a pod "
                                              "without SSH keys always gets one)")));
    return body;
}

const api::RequestBody &sshKeyBody()
{
    using api::BodyField;
    static const api::RequestBody body =
        api::RequestBody(QStringLiteral("SshKeyInput"))
            .add(BodyField::string(QStringLiteral("name"))
                     .required()
                     .maxLength(100)
                     .example(QStringLiteral("laptop")))
            .add(BodyField::string(QStringLiteral("public_key"))
                     .required()
                     .describe(QStringLiteral("one OpenSSH public key: 'ssh-ed25519 AAAA... comment'")))
            .add(BodyField::string(QStringLiteral("customer_id"))
                     .format(QStringLiteral("uuid"))
                     .describe(QStringLiteral("staff only: whose profile")));
    return body;
}

const api::RequestBody &scriptBody()
{
    using api::BodyField;
    static const api::RequestBody body =
        api::RequestBody(QStringLiteral("CloudPodTemplateScript"))
            .add(BodyField::string(QStringLiteral("script"))
                     .required()
                     .minLength(1)
                     .maxLength(65536)
                     .outOfRange(errors::InvalidValue)
                     .describe(
                         QStringLiteral("run once on each new guest of the template as soon as it answers "
                                        "over SSH; a #! line picks the interpreter; exit status 0: success")))
            .add(BodyField::integer(QStringLiteral("ssh_port"))
                     .minimum(1)
                     .maximum(65535)
                     .outOfRange(errors::InvalidValue)
                     .defaultValue(22)
                     .describe(QStringLiteral("where the template's image runs sshd")))
            .add(BodyField::string(QStringLiteral("ssh_user"))
                     .nullable()
                     .maxLength(32)
                     .describe(
                         QStringLiteral("the user mPanel logs in as; null: the pod's login user (root on a "
                                        "container, the cloud-init user on a VM)")));
    return body;
}

} // namespace mp::cloudpods
