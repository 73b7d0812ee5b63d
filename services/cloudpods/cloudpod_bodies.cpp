#include "cloudpods/cloudpod_bodies.h"

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

} // namespace mp::cloudpods
