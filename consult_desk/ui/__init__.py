"""The Qt desktop application. Widgets call the services in ``consult_desk``; they hold no rules."""
