package org.yardstick.supervision.web;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.yardstick.progress.ProgressText;

/**
 * What this module's pages borrow from another module, declared here so the dependency is one the build
 * sees (templates call only their own module's and the shell's beans, decision 0054): the words of
 * progress statuses, {@code ${progressText…}}.
 */
@ControllerAdvice(basePackageClasses = SupervisionPageModel.class)
class SupervisionPageModel {

    private final ProgressText progressText;

    SupervisionPageModel(ProgressText progressText) {
        this.progressText = progressText;
    }

    @ModelAttribute("progressText")
    ProgressText progressText() {
        return progressText;
    }
}
